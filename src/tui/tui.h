/* The guided session's one entry point, for the command line (src/cli/main.c). It knows
 * nothing of the command line: it takes a loaded tree and options. */
#ifndef LA_TUI_TUI_H
#define LA_TUI_TUI_H

#include "lambda_advisor/engine.h"

#include <stdbool.h>

struct tui_opts {
    /* Answers given already (an answers file), or NULL: only the rest is asked. */
    const struct engine *answers;
    /* Where the answers came from, for messages, or NULL. */
    const char *answers_from;
    /* No mouse (clicks and wheel are then left to the terminal, to select text). */
    bool no_mouse;
};

/* Runs the session on the terminal (stdin and stdout must be one); returns the exit code:
 * 0 after q, 130 after Ctrl-C, 128+N after signal N, 2 when the terminal cannot be used. */
int tui_run(const struct tree *t, const struct tui_opts *opts);

#endif
