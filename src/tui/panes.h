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
void pane_document(struct session *s, struct lines *d, bool ascii);
/* The findings of the last scan. */
void pane_scan(struct session *s, struct lines *d, bool ascii);
/* The advice so far: pattern, key settings, top recommendations, other settings. */
void pane_advice(struct view *v, struct session *s);
/* src/main.rs, coloured and scrollable. */
void pane_code(struct view *v, struct session *s);

/* The first line of text at or after (dir > 0) / before (dir < 0) line from that contains term
 * (any case), wrapping around; -1 when none does. */
int text_find_line(const char *text, const char *term, int from, int dir);

/* Draws the matches of term (any case) in the line p again, reversed, on row of w from column
 * x0, the line scrolled left by `left` columns, within width. */
void text_mark_matches(WINDOW *w, int row, int x0, const char *p, size_t len, const char *term,
                       int left, int width);

#endif
