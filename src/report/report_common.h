/* Shared by the Markdown and JSON reports (private to src/report). */
#ifndef LA_REPORT_COMMON_H
#define LA_REPORT_COMMON_H

#include "lambda_advisor/report.h"

/* Renders a recommendation's (or a rule's "why") Markdown with the advice's names filled in.
 * name is used in error messages. */
bool report_render_md(const char *src, const char *name, const struct tctx *ctx, struct strbuf *out,
                      struct la_error *err);
/* Which questions the answers ask (caller frees). */
bool *report_asked(const struct engine *e);

#endif
