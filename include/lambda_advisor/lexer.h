/* A Rust lexer for the scan: tokens with byte offsets, and a copy of the source in which
 * comments and the contents of string and char literals are blanked to spaces (newlines kept),
 * so that patterns run over it match code only and keep the original offsets. It accepts any
 * bytes: broken or half-typed code yields tokens, never a crash or a loop. */
#ifndef LA_LEXER_H
#define LA_LEXER_H

#include <stddef.h>
#include <stdint.h>

enum tok_kind {
    TK_IDENT,    /* identifiers and keywords, including r#raw identifiers */
    TK_LIFETIME, /* 'a, 'static, loop labels */
    TK_PUNCT,    /* one punctuation byte; "::" is two tokens */
    TK_STRING,   /* "..", r#".."#, b"..", br"..", c"..": start..start+len spans the whole literal */
    TK_CHAR,     /* 'x', b'x' */
    TK_NUMBER,
    TK_COMMENT, /* line or block comment, doc comments included */
};

struct token {
    uint32_t start; /* byte offset in the source */
    uint32_t len;
    uint8_t kind; /* enum tok_kind */
};

/* The lexer's output. Reuse one across files with lexer_run; free with lexer_finish. */
struct lexed {
    struct token *tok;
    size_t ntok, captok;
    char *code; /* blanked copy, NUL-terminated, same length as the source */
    size_t len, capcode;
};

#define LEXED_INIT                                                                                 \
    {                                                                                              \
        NULL, 0, 0, NULL, 0, 0                                                                     \
    }

/* Lexes src[0..len) into out (replacing what it held). Sources over 4 GiB are cut. */
void lexer_run(const char *src, size_t len, struct lexed *out);
void lexer_finish(struct lexed *out);

/* True when the token is the one-byte punctuation c. */
static inline int tok_is(const char *src, const struct token *t, char c)
{
    return t->kind == TK_PUNCT && src[t->start] == c;
}

#endif
