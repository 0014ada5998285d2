/* Errors that carry their place: the core fills one, the front end prints it. */
#ifndef LA_ERROR_H
#define LA_ERROR_H

#include <stdbool.h>

/* Caller-owned. file/line/col are optional (NULL / 0). Line and column are 1-based. */
struct la_error {
    char *file;
    int line;
    int col;
    char *msg;
};

#define LA_ERROR_INIT                                                                              \
    {                                                                                              \
        NULL, 0, 0, NULL                                                                           \
    }

/* Sets the error (replacing any earlier one) and returns false, so callers can write
 * `return la_error_set(err, ...);`. err may be NULL. */
bool la_error_set(struct la_error *err, const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void la_error_finish(struct la_error *err);
/* "file:line:col: msg", "file: msg" or "msg"; the caller frees it. */
char *la_error_format(const struct la_error *err);

#endif
