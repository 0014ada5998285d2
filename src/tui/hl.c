/* Rust syntax colouring: a small lexer that knows comments (nested), strings (raw, byte),
 * chars vs lifetimes, numbers, keywords, macros, types and attributes. */
#include "hl.h"

#include <stdbool.h>
#include <string.h>

static const char *const keywords[] = {
    "as",     "async", "await", "break", "const",  "continue", "crate", "dyn",   "else",   "enum",
    "extern", "false", "fn",    "for",   "if",     "impl",     "in",    "let",   "loop",   "match",
    "mod",    "move",  "mut",   "pub",   "ref",    "return",   "self",  "Self",  "static", "struct",
    "super",  "trait", "true",  "type",  "unsafe", "use",      "where", "while",
};

static bool is_ident_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (unsigned char)c >= 0x80;
}

static bool is_ident(char c)
{
    return is_ident_start(c) || (c >= '0' && c <= '9');
}

static bool is_keyword(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strlen(keywords[i]) == n && memcmp(keywords[i], s, n) == 0)
            return true;
    return false;
}

static void fill(unsigned char *kinds, size_t from, size_t to, enum hl_kind k)
{
    for (size_t i = from; i < to; i++)
        kinds[i] = (unsigned char)k;
}

/* Continues a string from i; returns where it ends (after the closing quote) or n. */
static size_t string_end(struct hl_state *st, const char *s, size_t n, size_t i)
{
    while (i < n) {
        if (st->in_str == 1) {
            if (s[i] == '\\') {
                i += 2;
                continue;
            }
            if (s[i] == '"') {
                st->in_str = 0;
                return i + 1;
            }
        } else if (s[i] == '"') {
            int h = 0;
            while (h < st->raw_hashes && i + 1 + (size_t)h < n && s[i + 1 + h] == '#')
                h++;
            if (h == st->raw_hashes) {
                st->in_str = 0;
                return i + 1 + (size_t)h;
            }
        }
        i++;
    }
    return n;
}

/* Continues a block comment from i; returns where it ends or n. */
static size_t comment_end(struct hl_state *st, const char *s, size_t n, size_t i)
{
    while (i < n && st->comment_depth > 0) {
        if (i + 1 < n && s[i] == '/' && s[i + 1] == '*') {
            st->comment_depth++;
            i += 2;
        } else if (i + 1 < n && s[i] == '*' && s[i + 1] == '/') {
            st->comment_depth--;
            i += 2;
        } else {
            i++;
        }
    }
    return i;
}

void hl_line(struct hl_state *st, const char *s, size_t n, unsigned char *kinds)
{
    size_t i = 0;
    fill(kinds, 0, n, HL_TEXT);
    while (i < n) {
        size_t start = i;
        if (st->comment_depth > 0) {
            i = comment_end(st, s, n, i);
            fill(kinds, start, i, HL_COMMENT);
            continue;
        }
        if (st->in_str) {
            i = string_end(st, s, n, i);
            fill(kinds, start, i, HL_STRING);
            continue;
        }
        char c = s[i];
        if (c == '/' && i + 1 < n && s[i + 1] == '/') {
            fill(kinds, i, n, HL_COMMENT);
            return;
        }
        if (c == '/' && i + 1 < n && s[i + 1] == '*') {
            st->comment_depth = 1;
            i = comment_end(st, s, n, i + 2);
            fill(kinds, start, i, HL_COMMENT);
            continue;
        }
        /* Raw and byte strings: r"..", r#".."#, b"..", br#".."#. */
        size_t j = i;
        if (c == 'b' && j + 1 < n && (s[j + 1] == '"' || s[j + 1] == 'r'))
            j++;
        if (j < n && s[j] == 'r' && j + 1 < n && (s[j + 1] == '"' || s[j + 1] == '#') &&
            (i == 0 || !is_ident(s[i - 1]))) {
            size_t k = j + 1;
            int hashes = 0;
            while (k < n && s[k] == '#') {
                hashes++;
                k++;
            }
            if (k < n && s[k] == '"') {
                st->in_str = 2;
                st->raw_hashes = hashes;
                i = string_end(st, s, n, k + 1);
                fill(kinds, start, i, HL_STRING);
                continue;
            }
        }
        if (c == '"' ||
            (c == 'b' && i + 1 < n && s[i + 1] == '"' && (i == 0 || !is_ident(s[i - 1])))) {
            st->in_str = 1;
            i = string_end(st, s, n, i + (c == 'b' ? 2 : 1));
            fill(kinds, start, i, HL_STRING);
            continue;
        }
        if (c == '\'') {
            /* A char literal ('a', '\n', '\'') or a lifetime ('a, 'static). */
            if (i + 2 < n && s[i + 1] == '\\') {
                size_t k = i + 2;
                while (k < n && s[k] != '\'')
                    k++;
                i = k < n ? k + 1 : n;
                fill(kinds, start, i, HL_STRING);
                continue;
            }
            if (i + 2 < n && s[i + 2] == '\'') {
                i += 3;
                fill(kinds, start, i, HL_STRING);
                continue;
            }
            size_t k = i + 1;
            while (k < n && is_ident(s[k]))
                k++;
            if (k > i + 1) {
                fill(kinds, i, k, HL_LIFETIME);
                i = k;
                continue;
            }
            i++;
            continue;
        }
        if (c == '#' && i + 1 < n &&
            (s[i + 1] == '[' || (s[i + 1] == '!' && i + 2 < n && s[i + 2] == '['))) {
            int depth = 0;
            size_t k = i;
            while (k < n) {
                if (s[k] == '[')
                    depth++;
                else if (s[k] == ']' && --depth == 0) {
                    k++;
                    break;
                }
                k++;
            }
            fill(kinds, i, k, HL_ATTR);
            i = k;
            continue;
        }
        if (c >= '0' && c <= '9' && (i == 0 || !is_ident(s[i - 1]))) {
            size_t k = i;
            while (k < n && (is_ident(s[k]) ||
                             (s[k] == '.' && k + 1 < n && s[k + 1] >= '0' && s[k + 1] <= '9')))
                k++;
            fill(kinds, i, k, HL_NUMBER);
            i = k;
            continue;
        }
        if (is_ident_start(c)) {
            size_t k = i;
            while (k < n && is_ident(s[k]))
                k++;
            if (k < n && s[k] == '!' && !(k + 1 < n && s[k + 1] == '=')) {
                fill(kinds, i, k + 1, HL_MACRO);
                i = k + 1;
                continue;
            }
            if (is_keyword(s + i, k - i))
                fill(kinds, i, k, HL_KEYWORD);
            else if (c >= 'A' && c <= 'Z')
                fill(kinds, i, k, HL_TYPE);
            i = k;
            continue;
        }
        i++;
    }
}
