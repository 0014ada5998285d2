/* The accessible, line-by-line session (plain.c): plain stdio, no curses. */
#ifndef LA_TUI_PLAIN_H
#define LA_TUI_PLAIN_H

#include "session.h"

/* Asks the remaining questions of s on stdin/stdout; returns the exit code. */
int tui_plain(struct session *s);

#endif
