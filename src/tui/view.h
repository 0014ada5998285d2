/* The view: lays out the panes (ncurses panels) and draws the session model into them.
 * The only code that draws; it never changes the answers. */
#ifndef LA_TUI_VIEW_H
#define LA_TUI_VIEW_H

#include "session.h"

#include <curses.h>
#include <panel.h>

#define VIEW_MIN_COLS  80
#define VIEW_MIN_LINES 24

enum view_pane {
    VP_BAR,
    VP_MAIN,
    VP_ADVICE,
    VP_CODE,
    VP_MSG,
    VP_STATUS,
    VP_OVERLAY,
    VP_SMALL,
    VP_COUNT
};

struct view {
    WINDOW *win[VP_COUNT];
    PANEL *panel[VP_COUNT];
    int lines, cols;
    bool too_small;
    bool wide;  /* the main pane has the full width (the final advice, the scan) */
    bool full;  /* the code pane has the whole screen */
    bool ascii; /* the locale cannot show UTF-8 glyphs */
    int cursor; /* the text cursor's visibility as last set (-1: unknown) */
};

/* Builds the windows for the current terminal size (after initscr). */
void view_init(struct view *v);
void view_finish(struct view *v);
/* Rebuilds the layout from LINES/COLS (after KEY_RESIZE). */
void view_resize(struct view *v);
/* Redraws the parts named by reaction bits and updates the screen once (doupdate). */
void view_draw(struct view *v, struct session *s, unsigned reaction);
/* The window keys are read from (never drawn over by panels). */
WINDOW *view_input(struct view *v);

#endif
