/* Key bindings of the guided session: one table maps keys to actions (keys.c). */
#ifndef LA_TUI_KEYS_H
#define LA_TUI_KEYS_H

#include <stdbool.h>

enum tui_action {
    TA_NONE,
    TA_UP,
    TA_DOWN,
    TA_PAGE_UP,
    TA_PAGE_DOWN,
    TA_HOME,
    TA_END,
    TA_LEFT,   /* back one screen (never changes an answer); scrolls left in the code */
    TA_RIGHT,  /* scrolls right in the code pane */
    TA_CHOOSE, /* Enter */
    TA_TOGGLE, /* Space: toggles in a multi-choice; never confirms */
    TA_BACK,   /* Backspace: erases in a field, else back one screen */
    TA_CANCEL, /* Escape */
    TA_FOCUS,  /* Tab: between the question and the code */
    TA_HELP,
    TA_EXPORT,
    TA_NEW,
    TA_SCAN,
    TA_REVIEW,
    TA_QUIT,
    TA_INTERRUPT, /* Ctrl-C: leave at once */
    TA_CHAR,      /* any other printable character (digits in a number field) */
    TA_RESIZE,
    TA_DELETE,       /* Delete, Ctrl-D: the character under the cursor in a field */
    TA_LINE_START,   /* Ctrl-A */
    TA_LINE_END,     /* Ctrl-E */
    TA_KILL_START,   /* Ctrl-U: erase to the start of the field */
    TA_KILL_END,     /* Ctrl-K: erase to the end of the field */
    TA_KILL_WORD,    /* Ctrl-W: erase the word before the cursor */
    TA_REDRAW,       /* Ctrl-L */
    TA_SUSPEND,      /* Ctrl-Z */
    TA_SEARCH,       /* / */
    TA_FULL,         /* f: the code pane full screen and back */
    TA_COPY,         /* y: copy what has the focus (OSC 52) */
    TA_COPY_CMD,     /* Y: copy the advise command */
    TA_NEXT_SECTION, /* ]: next section (advice) or file (code) */
    TA_PREV_SECTION, /* [ */
    TA_FOCUS_BACK,   /* Shift-Tab */
    TA_MOUSE,
};

/* The action for a key: code is a curses key code when keycode is true, else a character. */
enum tui_action keys_action(int code, bool keycode);

#endif
