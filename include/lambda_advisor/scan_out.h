/* The scan's reports: text for people, JSON for scripts, SARIF 2.1.0 for code scanning.
 * Lines and columns are 1-based; text and JSON columns count bytes, SARIF's count UTF-16
 * code units (its columnKind says so). Each returns a new NUL-terminated string. */
#ifndef LA_SCAN_OUT_H
#define LA_SCAN_OUT_H

#include "lambda_advisor/scan.h"

#include <stdbool.h>
#include <stddef.h>

/* path:line:col: severity: message [rule-id], the source line with the span marked, the fix.
 * color: ANSI colours (the caller decides: a terminal and no NO_COLOR). */
char *scan_out_text(const struct scan_result *r, bool color, size_t *len);
/* A JSON array: one object per finding (rule, severity, path, line, column, end_line,
 * end_column, message, fix, recommendation, snippet). */
char *scan_out_json(const struct scan_result *r, size_t *len);
char *scan_out_sarif(const struct scan_result *r, size_t *len);
/* GitHub Actions workflow commands, one a finding (::warning file=F,line=L,...::message). */
char *scan_out_github(const struct scan_result *r, size_t *len);
/* One line: how many findings of each severity, files scanned and skipped (and why). */
char *scan_out_summary(const struct scan_result *r);

#endif
