/* Rust lexer: tokens plus a copy of the source with comments and literal contents blanked. */
#include "lambda_advisor/lexer.h"
#include "lambda_advisor/xalloc.h"

#include <stdlib.h>
#include <string.h>

static int is_ident_start(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static int is_ident_char(unsigned char c)
{
    return is_ident_start(c) || (c >= '0' && c <= '9');
}

static void push(struct lexed *L, enum tok_kind k, size_t start, size_t end)
{
    if (L->ntok == L->captok)
        L->tok = xgrow(L->tok, &L->captok, L->ntok + 1, sizeof *L->tok);
    L->tok[L->ntok++] = (struct token){(uint32_t)start, (uint32_t)(end - start), (uint8_t)k};
}

/* Blanks code[a..b) to spaces, keeping newlines so that lines and columns do not move. */
static void blank(struct lexed *L, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (L->code[i] != '\n')
            L->code[i] = ' ';
}

/* A quoted string whose opening quote is at q: returns the offset just past the closing
 * quote (or len when unterminated) and blanks the contents. */
static size_t lex_quoted(struct lexed *L, const char *s, size_t len, size_t q)
{
    size_t i = q + 1;
    while (i < len && s[i] != '"')
        i += (s[i] == '\\' && i + 1 < len) ? 2 : 1;
    blank(L, q + 1, i < len ? i : len);
    return i < len ? i + 1 : len;
}

/* A raw string: at h are zero or more '#' then (we checked) a quote. */
static size_t lex_raw(struct lexed *L, const char *s, size_t len, size_t h)
{
    size_t n = 0;
    while (h + n < len && s[h + n] == '#')
        n++;
    size_t q = h + n; /* the opening quote */
    for (size_t i = q + 1; i < len; i++) {
        if (s[i] != '"' || len - i - 1 < n)
            continue;
        size_t k = 0;
        while (k < n && s[i + 1 + k] == '#')
            k++;
        if (k == n) {
            blank(L, q + 1, i);
            return i + 1 + n;
        }
    }
    blank(L, q + 1, len);
    return len;
}

/* Returns the length of the UTF-8 sequence starting with c (1 for invalid bytes). */
static size_t utf8_len(unsigned char c)
{
    if (c < 0xC0)
        return 1;
    if (c < 0xE0)
        return 2;
    if (c < 0xF0)
        return 3;
    return c < 0xF8 ? 4 : 1;
}

/* At a quote: a char literal (returns its end), or 0 when it is a lifetime or a stray quote. */
static size_t lex_char(struct lexed *L, const char *s, size_t len, size_t q)
{
    size_t i = q + 1;
    if (i >= len)
        return 0;
    if (s[i] == '\\') {
        /* '\n', '\'', '\x7f', '\u{10FFFF}': the closing quote comes within a dozen bytes */
        for (size_t j = i + 2; j < len && j <= i + 11 && s[j] != '\n'; j++) {
            if (s[j] == '\'') {
                blank(L, q + 1, j);
                return j + 1;
            }
        }
        return 0;
    }
    if (s[i] == '\n' || s[i] == '\'')
        return 0;
    size_t n = utf8_len((unsigned char)s[i]);
    if (i + n < len && s[i + n] == '\'') {
        blank(L, q + 1, i + n);
        return i + n + 1;
    }
    return 0;
}

void lexer_run(const char *s, size_t len, struct lexed *L)
{
    if (len > 0xFFFFFFF0u)
        len = 0xFFFFFFF0u;
    L->ntok = 0;
    L->code = xgrow(L->code, &L->capcode, len + 64, 1);
    memcpy(L->code, s, len);
    memset(L->code + len, 0, 64); /* defined bytes past the end for PCRE2's JIT (scan.c) */
    L->len = len;
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            i++;
            continue;
        }
        size_t start = i;
        if (c == '/' && i + 1 < len && s[i + 1] == '/') {
            const char *nl = memchr(s + i, '\n', len - i);
            i = nl ? (size_t)(nl - s) : len;
            blank(L, start, i);
            push(L, TK_COMMENT, start, i);
            continue;
        }
        if (c == '/' && i + 1 < len && s[i + 1] == '*') {
            int depth = 1;
            i += 2;
            while (i < len && depth > 0) {
                if (s[i] == '/' && i + 1 < len && s[i + 1] == '*') {
                    depth++;
                    i += 2;
                } else if (s[i] == '*' && i + 1 < len && s[i + 1] == '/') {
                    depth--;
                    i += 2;
                } else {
                    i++;
                }
            }
            blank(L, start, i);
            push(L, TK_COMMENT, start, i);
            continue;
        }
        if (c == '"') {
            i = lex_quoted(L, s, len, i);
            push(L, TK_STRING, start, i);
            continue;
        }
        if (c == '\'') {
            size_t e = lex_char(L, s, len, i);
            if (e) {
                push(L, TK_CHAR, start, e);
                i = e;
            } else if (i + 1 < len && is_ident_start((unsigned char)s[i + 1])) {
                i += 2;
                while (i < len && is_ident_char((unsigned char)s[i]))
                    i++;
                push(L, TK_LIFETIME, start, i);
            } else {
                push(L, TK_PUNCT, start, ++i);
            }
            continue;
        }
        if (c >= '0' && c <= '9') {
            while (i < len && is_ident_char((unsigned char)s[i]))
                i++;
            if (i + 1 < len && s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9') {
                i++;
                while (i < len && is_ident_char((unsigned char)s[i]))
                    i++;
            }
            push(L, TK_NUMBER, start, i);
            continue;
        }
        if (is_ident_start(c)) {
            while (i < len && is_ident_char((unsigned char)s[i]))
                i++;
            size_t n = i - start;
            const char *w = s + start;
            int raw_prefix =
                (n == 1 && w[0] == 'r') || (n == 2 && (w[0] == 'b' || w[0] == 'c') && w[1] == 'r');
            int quote_prefix = n == 1 && (w[0] == 'b' || w[0] == 'c');
            if (i < len && raw_prefix && (s[i] == '"' || s[i] == '#')) {
                size_t h = i;
                while (h < len && s[h] == '#')
                    h++;
                if (h < len && s[h] == '"') {
                    i = lex_raw(L, s, len, i);
                    push(L, TK_STRING, start, i);
                    continue;
                }
                if (n == 1 && h == i + 1 && h < len && is_ident_start((unsigned char)s[h])) {
                    i = h; /* r#ident */
                    while (i < len && is_ident_char((unsigned char)s[i]))
                        i++;
                }
                push(L, TK_IDENT, start, i);
                continue;
            }
            if (i < len && quote_prefix && s[i] == '"') {
                i = lex_quoted(L, s, len, i);
                push(L, TK_STRING, start, i);
                continue;
            }
            if (i < len && n == 1 && w[0] == 'b' && s[i] == '\'') {
                size_t e = lex_char(L, s, len, i);
                if (e) {
                    push(L, TK_CHAR, start, e);
                    i = e;
                    continue;
                }
            }
            push(L, TK_IDENT, start, i);
            continue;
        }
        push(L, TK_PUNCT, start, ++i);
    }
}

void lexer_finish(struct lexed *L)
{
    if (L == NULL)
        return;
    free(L->tok);
    free(L->code);
    *L = (struct lexed)LEXED_INIT;
}
