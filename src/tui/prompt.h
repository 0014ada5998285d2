/* Prompts of the guided session (prompt.c): boxes that ask for a path, a yes/no, or show the
 * help, and the operations their answers start. Each returns tui_reaction bits. */
#ifndef LA_TUI_PROMPT_H
#define LA_TUI_PROMPT_H

#include "session.h"

/* Opens a prompt; s takes text (freed with the prompt); input is the field's first value. */
unsigned prompt_open(struct session *s, enum prompt_kind kind, enum prompt_op op, const char *title,
                     char *text, const char *input, const char *path);
void prompt_close(struct session *s);
/* A key while a prompt is open: typing, accepting, cancelling. */
unsigned prompt_act(struct session *s, enum tui_action a, wchar_t ch);

unsigned prompt_quit(struct session *s);   /* "Quit anyway?" */
unsigned prompt_help(struct session *s);   /* help for the current screen */
unsigned prompt_export(struct session *s); /* the path for the Markdown */
unsigned prompt_new(struct session *s);    /* the directory for a new project */
unsigned prompt_scan(struct session *s);   /* the path to scan */
unsigned prompt_search(struct session *s); /* a term to find in the document or code */

#endif
