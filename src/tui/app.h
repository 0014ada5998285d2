/* The guided session's loop (app.c): what the other tui files may call. */
#ifndef LA_TUI_APP_H
#define LA_TUI_APP_H

/* Restores the terminal, prints "lambda-advisor: message" on stderr and exits with 2. For
 * errors the session cannot go on from. */
_Noreturn void tui_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
