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
    TA_LEFT,   /* back one question; scrolls left in the code pane */
    TA_RIGHT,  /* scrolls right in the code pane */
    TA_CHOOSE, /* Enter */
    TA_TOGGLE, /* Space: toggles in a multi-choice, chooses elsewhere */
    TA_BACK,   /* Backspace: erases in a field, else back one question */
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
};

/* The action for a key: code is a curses key code when keycode is true, else a character. */
enum tui_action keys_action(int code, bool keycode);

#endif
