/* The guided session's model: screens, cursor, fields and prompts over one engine. No curses:
 * key handlers update this model and return what changed; the view (view.c) draws it. */
#ifndef LA_TUI_SESSION_H
#define LA_TUI_SESSION_H

#include "edit.h"
#include "keys.h"
#include "lambda_advisor/advice.h"
#include "lambda_advisor/project.h"
#include "lambda_advisor/scan.h"
#include "lambda_advisor/strbuf.h"

#include <stdbool.h>
#include <stdint.h>
#include <wchar.h>

enum tui_screen {
    TS_QUESTION, /* one question at a time */
    TS_REVIEW,   /* every answer, any of which can be changed, before the final advice */
    TS_FINAL,    /* the advice as a document */
    TS_SCAN,     /* the findings of a scan */
};

enum tui_focus { TF_MAIN, TF_CODE, TF_ADVICE }; /* Tab goes round in this order */

/* What a handler changed; the loop redraws exactly these parts, once per key. */
enum tui_reaction {
    TR_NONE = 0,
    TR_MAIN = 1 << 0,    /* the question / review / final / scan pane */
    TR_ADVICE = 1 << 1,  /* the advice pane */
    TR_CODE = 1 << 2,    /* the code pane */
    TR_BARS = 1 << 3,    /* breadcrumb and status line */
    TR_OVERLAY = 1 << 4, /* prompt or help box */
    TR_ALL = (1 << 5) - 1,
    TR_QUIT = 1 << 6,
    /* the highlighted choice moved: the question and the panes that preview it */
    TR_PREVIEW = TR_MAIN | TR_ADVICE | TR_CODE,
};

enum prompt_kind { PK_NONE, PK_TEXT, PK_CONFIRM, PK_HELP };
/* What a prompt's answer is for. */
enum prompt_op {
    PO_EXPORT_PATH,
    PO_EXPORT_OVERWRITE,
    PO_NEW_DIR,
    PO_NEW_OVERWRITE,
    PO_SCAN_PATH,
    PO_QUIT,
    PO_HELP,
    PO_SEARCH,
    PO_RESUME,
};

struct tui_prompt {
    enum prompt_kind kind;
    enum prompt_op op;
    char *title;      /* one line */
    char *text;       /* PK_TEXT: the question; PK_CONFIRM / PK_HELP: the body */
    struct edit edit; /* PK_TEXT: the field */
    char *alts;       /* PK_TEXT: the names a Tab completion could not choose between */
    char *path;       /* the path a confirmation is about */
    int top;          /* PK_HELP: the first line shown */
    int page;         /* PK_HELP: the lines that fit, set by the view */
};

struct session {
    const struct tree *tree; /* borrowed */
    struct engine eng;
    struct advice adv;
    struct project_files files; /* the project for the current advice (code pane) */
    char *files_error;          /* why there are no files, or NULL */
    char *report;               /* the Markdown document (final screen), or NULL */

    enum tui_screen screen;
    enum tui_screen before_scan; /* where Backspace returns from the scan screen */
    long qi;                     /* TS_QUESTION: the question shown */
    size_t cursor;               /* choice under the cursor (question), row (review) */
    uint64_t mask;               /* multi-choice: the ticks so far */
    char num[24];                /* number field */
    bool num_fresh;              /* the first digit typed replaces the shown value */
    bool from_review;            /* editing an answer chosen on the review screen */
    long edited;                 /* the question the review opened (its row on return) */
    bool dirty;                  /* advice that has not been exported */

    char *message; /* a one-line note in the status line, or NULL */
    bool message_is_error;

    enum tui_focus focus;
    int main_top; /* scroll offsets */
    int code_top, code_left;
    int main_h, code_h; /* the visible rows, set by the view's layout */
    int code_w;         /* the code pane's text columns, set by the view */
    int choice_line;    /* the question pane's line of the first choice, set by the view */
    int *row_line;      /* the review's line of each row (and one past the last), set by the view:
                         * a click finds its row */
    size_t nrow_line;
    int advice_top, advice_h, advice_n; /* the advice pane: offset, rows shown, lines */
    size_t code_file; /* the generated file shown in the code pane (index into files) */
    bool code_full;   /* the code pane has the whole screen */

    /* Search in the document or the code: the term, and a request the view resolves on
     * the lines it draws (+1 next, -1 previous, 0 none); section jumps likewise. */
    char *search;
    int search_dir;
    int section_dir;
    bool redraw;  /* Ctrl-L: repaint the whole terminal */
    bool suspend; /* Ctrl-Z: the loop stops the process */
    char *copy;   /* text to copy to the clipboard (OSC 52), taken by the loop */
    /* Called (when set) around long work such as a scan: on=true before, false after; while
     * on, Ctrl-C, SIGTERM and SIGHUP stop the program with the terminal restored. */
    void (*busy)(bool on, const char *what);
    struct engine *resume;       /* the last session's answers, offered at the start (owned) */
    char *prev_code, *prev_path; /* the shown file before the last answer ("\n"-framed) */

    struct scan_result scan;
    bool have_scan;
    char *scan_path;

    struct tui_prompt prompt;
};

/* Starts a session over t (borrowed: must outlive the session); answers (may be NULL) are
 * given already, in tree order, and only the rest is asked. */
void session_init(struct session *s, const struct tree *t);
/* Starts over from the given answers (the last session's, when resumed). */
void session_adopt(struct session *s, const struct engine *given);
void session_start(struct session *s, const struct tree *t, const struct engine *answers);
void session_finish(struct session *s);

/* Handles one action (ch: the typed character for TA_CHAR). Returns tui_reaction bits. */
unsigned session_act(struct session *s, enum tui_action a, wchar_t ch);

/* The Markdown export for the current answers (unanswered questions take their defaults),
 * byte for byte what `advise --format markdown` prints for the same answers. */
bool session_markdown(const struct session *s, struct strbuf *out, struct la_error *err);

/* The current question, or NULL when the screen shows none. */
const struct question *session_question(const struct session *s);
/* The handler shown in the code pane (src/main.rs), or NULL. */
const char *session_code(const struct session *s);
/* The generated file shown in the code pane, or NULL. */
const struct project_file *session_file(const struct session *s);
/* `lambda-advisor advise --answer ...` for the answers so far (defaults for the rest). */
char *session_command(const struct session *s);
/* Progress: the position of the current question among those asked when the unanswered
 * ones take their defaults, and their number. */
void session_progress(const struct session *s, int *pos, int *total);
/* An answer as the review shows it: the choice's label(s), "none", or the number and unit. */
void session_answer_text(const struct question *q, const struct value *val, char *buf, size_t size);
/* Keys that work on the current screen, for the status line ("↑↓ move  Enter choose ..."). */
const char *session_keys_hint(const struct session *s);
/* The mouse: a click on line `line` of the main pane's text (0: its first line, scroll offset
 * included) chooses or ticks there; wheel (dir -1 up, +1 down) scrolls the pane given by
 * focus-like `pane`. Returns tui_reaction bits. */
unsigned session_click(struct session *s, int line);
unsigned session_wheel(struct session *s, enum tui_focus pane, int dir);
/* Keeps the scroll offsets inside what they scroll (after a resize or a new answer). */
void session_clamp(struct session *s);
/* Shows a located error in the status area. */
void session_error(struct session *s, const struct la_error *err);
/* Moves a scroll offset for a scrolling action (page: the rows that fit); returns whether the
 * action was a scrolling one. */
unsigned session_scroll(int *top, enum tui_action a, int page);
/* Sets a status message (formatted). */
void session_say(struct session *s, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
