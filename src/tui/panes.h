/* The panes (pane_*.c): each draws one part of the session model. Used by view.c only. */
#ifndef LA_TUI_PANES_H
#define LA_TUI_PANES_H

#include "session.h"
#include "text.h"
#include "view.h"

/* The question: prompt, choices or field, help. Sets the pane title (caller frees) and, for a
 * number field, the line and column of the text cursor (else *cy stays -1). */
void pane_question(const struct view *v, struct session *s, struct lines *d, char **title, int *cy,
                   int *cx);
/* Every answer so far, and the row that opens the advice. */
void pane_review(const struct view *v, struct session *s, struct lines *d);
/* The advice as exported, Markdown made readable. */
void pane_document(struct session *s, struct lines *d);
/* The findings of the last scan. */
void pane_scan(struct session *s, struct lines *d);
/* The advice so far: pattern, key settings, top recommendations, other settings. */
void pane_advice(struct view *v, struct session *s);
/* src/main.rs, coloured and scrollable. */
void pane_code(struct view *v, struct session *s);

#endif
