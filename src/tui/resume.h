/* The last session's answers, kept under $XDG_STATE_HOME/lambda-advisor/ (resume.c), as an
 * answers file that `--answers` also reads. No curses. */
#ifndef LA_TUI_RESUME_H
#define LA_TUI_RESUME_H

#include "lambda_advisor/engine.h"

#include <stdbool.h>

/* The file's path ($XDG_STATE_HOME, else ~/.local/state), or NULL without a home. Caller frees. */
char *resume_path(void);
/* Writes the engine's answers (in tree order); false when it cannot (silently: the session
 * is over, and nothing depends on it). */
bool resume_save(const struct engine *e);
/* Loads the answers saved last into e (initialised by the caller over the same tree); returns
 * how many were kept (answers to unknown questions or invalid values are skipped). */
size_t resume_load(struct engine *e);

#endif
