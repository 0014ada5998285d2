/* Helpers shared by the reports. */
#include "report_common.h"
#include "lambda_advisor/xalloc.h"

#include <string.h>

bool report_render_md(const char *src, const char *name, const struct tctx *ctx, struct strbuf *out,
                      struct la_error *err)
{
    return template_render(src, strlen(src), name, ctx, NULL, NULL, out, err);
}

bool *report_asked(const struct engine *e)
{
    bool *asked = xcalloc(e->tree->nquestions + 1, sizeof *asked);
    for (size_t i = 0; i < e->tree->nquestions; i++)
        asked[i] = engine_is_asked(e, i);
    return asked;
}
