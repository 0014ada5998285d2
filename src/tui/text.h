/* Text on the screen (text.c): UTF-8 drawn by display width, lists of wrapped lines with
 * colour roles and a scroll offset, pane frames, coloured Rust lines. Only tui code uses it. */
#ifndef LA_TUI_TEXT_H
#define LA_TUI_TEXT_H

#include "colors.h"

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

/* Draws up to n bytes of s at the window's cursor within maxw columns, skipping the first
 * skip columns. Returns the columns drawn. Invalid UTF-8 shows as '?'. */
int text_put(WINDOW *w, const char *s, size_t n, int maxw, int skip, attr_t a);
/* The display width of n bytes of s. */
int text_width(const char *s, size_t n);
/* How many bytes of s (up to n) fit in width columns. */
size_t text_fit(const char *s, size_t n, int width);
/* Markdown prose for the screen: paragraph lines joined, ** dropped. The caller frees. */
char *text_reflow(const char *src);
/* A box around the window with the title in its top border. */
void text_frame(WINDOW *w, const char *title, bool focus);
/* Draws one line of Rust at the window's cursor, coloured by kinds (hl_kind per byte), from
 * display column left on, within width columns. */
void text_code_line(WINDOW *w, const char *p, size_t len, const unsigned char *kinds, int left,
                    int width);

/* A list of display lines, built per pane and drawn with a scroll offset. */
struct line {
    char *text;
    enum role role;
    int indent;
    unsigned char *kinds; /* Rust colouring per byte (hl_kind), or NULL */
    bool heading;         /* a section starts here (jumps with [ and ]) */
};

struct lines {
    struct line *v;
    size_t n, cap;
    int width;
};

void lines_push(struct lines *d, const char *s, size_t n, enum role role, int indent);
/* Adds text wrapped at word boundaries to the list's width; newlines start new lines.
 * Continuation lines are indented by hang columns more than indent. */
void lines_wrap(struct lines *d, const char *text, enum role role, int indent, int hang);
/* The same for Markdown prose (see text_reflow). */
void lines_prose(struct lines *d, const char *md, enum role role, int indent);
void lines_blank(struct lines *d);
void lines_free(struct lines *d);
/* Draws lines [top, top + h) of d inside the window's border, width columns wide. */
void lines_draw(WINDOW *w, const struct lines *d, int top, int h, int width);

#endif
