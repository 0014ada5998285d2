/* Rust syntax colouring for the code pane: classifies each byte of a line. No curses. */
#ifndef LA_TUI_HL_H
#define LA_TUI_HL_H

#include <stddef.h>

enum hl_kind {
    HL_TEXT,
    HL_KEYWORD,
    HL_STRING,
    HL_COMMENT,
    HL_NUMBER,
    HL_MACRO,
    HL_TYPE,
    HL_ATTR,
    HL_LIFETIME,
};

/* What carries over from one line to the next: open block comments and strings. */
struct hl_state {
    int comment_depth; /* nested block comments */
    int in_str;        /* 0: none, 1: "...", 2: raw r#"..."# */
    int raw_hashes;
};

#define HL_STATE_INIT                                                                              \
    {                                                                                              \
        0, 0, 0                                                                                    \
    }

/* Classifies the n bytes of one line (no newline) into kinds[0..n), updating st. */
void hl_line(struct hl_state *st, const char *s, size_t n, unsigned char *kinds);

#endif
