/* Located errors: file:line:col plus a message. */
#include "lambda_advisor/error.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool la_error_set(struct la_error *err, const char *file, int line, int col, const char *fmt, ...)
{
    if (err == NULL)
        return false;
    la_error_finish(err);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    err->msg = xmalloc((size_t)(n > 0 ? n : 0) + 1);
    va_start(ap, fmt);
    vsnprintf(err->msg, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
    va_end(ap);
    err->file = file ? xstrdup(file) : NULL;
    err->line = line;
    err->col = col;
    return false;
}

void la_error_finish(struct la_error *err)
{
    if (err == NULL)
        return;
    free(err->file);
    free(err->msg);
    err->file = err->msg = NULL;
    err->line = err->col = 0;
}

/* Escaped for the terminal: file names and YAML keys quoted in messages may hold escape
 * sequences. */
char *la_error_format(const struct la_error *err)
{
    struct strbuf sb = STRBUF_INIT;
    const char *msg = err->msg ? err->msg : "unknown error";
    if (err->file) {
        sb_add_escaped(&sb, err->file, strlen(err->file), false);
        if (err->line > 0)
            sb_addf(&sb, ":%d:%d", err->line, err->col > 0 ? err->col : 1);
        sb_adds(&sb, ": ");
    }
    sb_add_escaped(&sb, msg, strlen(msg), true);
    return sb_detach(&sb);
}
