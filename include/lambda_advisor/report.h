/* The advice as a document: Markdown a person would send to a colleague, or JSON. */
#ifndef LA_REPORT_H
#define LA_REPORT_H

#include "lambda_advisor/advice.h"
#include "lambda_advisor/project.h"

/* Appends the report. files may be NULL (no code section). Same input, same bytes. */
bool report_markdown(const struct engine *e, const struct advice *adv,
                     const struct project_files *files, struct strbuf *out, struct la_error *err);
bool report_json(const struct engine *e, const struct advice *adv,
                 const struct project_files *files, struct strbuf *out, struct la_error *err);

#endif
