/* A small TOML reader with located values. Debian 12 packages no C TOML library, so the
 * scan carries this one: tables, array tables, dotted/quoted keys, inline tables, arrays,
 * all four string forms, integers, floats, booleans and (opaque) dates. */
#include "lambda_advisor/toml.h"
#include "lambda_advisor/strmap.h"
#include "lambda_advisor/xalloc.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    TF_DEFINED = 1u << 0,  /* a [header] named it */
    TF_DOTTED = 1u << 1,   /* created by a dotted key */
    TF_INLINE = 1u << 2,   /* an inline table: sealed */
    TF_AOT = 1u << 3,      /* an array made by [[header]] */
    TF_IMPLICIT = 1u << 4, /* created as the parent of a [header] */
};

struct parser {
    const char *s;
    size_t n, p;
    int line;
    size_t lstart;
    const char *name;
    struct la_error *err;
    int depth;
};

/* ---- values ---- */

static struct toml_value *value_new(enum toml_type t, int line, int col)
{
    struct toml_value *v = xcalloc(1, sizeof *v);
    v->type = t;
    v->line = line;
    v->col = col;
    return v;
}

static void value_free(struct toml_value *v)
{
    if (v == NULL)
        return;
    free(v->str);
    for (size_t i = 0; i < v->nitems; i++)
        value_free(v->items[i]);
    free(v->items);
    for (size_t i = 0; i < v->nkvs; i++) {
        free(v->kvs[i].key);
        value_free(v->kvs[i].value);
    }
    free(v->kvs);
    free(v->index);
    free(v);
}

static size_t hash_key(const char *k)
{
    return (size_t)str_hash(k, strlen(k));
}

static void index_put(struct toml_value *t, size_t slot)
{
    size_t mask = t->index_cap - 1;
    size_t h = hash_key(t->kvs[slot].key) & mask;
    while (t->index[h] != 0)
        h = (h + 1) & mask;
    t->index[h] = slot + 1;
}

static void index_rebuild(struct toml_value *t)
{
    size_t cap = 64;
    while (cap < t->nkvs * 2 + 2)
        cap *= 2;
    free(t->index);
    t->index = xcalloc(cap, sizeof *t->index);
    t->index_cap = cap;
    for (size_t i = 0; i < t->nkvs; i++)
        index_put(t, i);
}

static struct toml_kv *table_find(const struct toml_value *t, const char *key)
{
    if (t == NULL || t->type != TOML_TABLE)
        return NULL;
    if (t->index != NULL) {
        size_t mask = t->index_cap - 1;
        for (size_t h = hash_key(key) & mask; t->index[h] != 0; h = (h + 1) & mask)
            if (strcmp(t->kvs[t->index[h] - 1].key, key) == 0)
                return &t->kvs[t->index[h] - 1];
        return NULL;
    }
    for (size_t i = 0; i < t->nkvs; i++)
        if (strcmp(t->kvs[i].key, key) == 0)
            return &t->kvs[i];
    return NULL;
}

/* Takes ownership of key and v. */
static void table_add(struct toml_value *t, char *key, int line, int col, struct toml_value *v)
{
    t->kvs = xgrow(t->kvs, &t->cap, t->nkvs + 1, sizeof *t->kvs);
    t->kvs[t->nkvs] = (struct toml_kv){key, line, col, v};
    t->nkvs++;
    if (t->index != NULL && t->nkvs * 2 + 2 <= t->index_cap)
        index_put(t, t->nkvs - 1);
    else if (t->nkvs > 16)
        index_rebuild(t);
}

static void array_add(struct toml_value *a, struct toml_value *v)
{
    a->items = xgrow(a->items, &a->cap, a->nitems + 1, sizeof *a->items);
    a->items[a->nitems++] = v;
}

/* ---- cursor ---- */

static int col_at(const struct parser *ps, size_t pos)
{
    return (int)(pos - ps->lstart) + 1;
}

static int peek(const struct parser *ps, size_t ahead)
{
    return ps->p + ahead < ps->n ? (unsigned char)ps->s[ps->p + ahead] : -1;
}

static bool fail_at(struct parser *ps, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static bool fail_at(struct parser *ps, int line, int col, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return la_error_set(ps->err, ps->name, line, col, "%s", buf);
}

#define FAIL(ps, ...) fail_at((ps), (ps)->line, col_at((ps), (ps)->p), __VA_ARGS__)

/* Describes the character at the cursor for messages. */
static const char *here(const struct parser *ps, char *buf, size_t sz)
{
    int c = peek(ps, 0);
    if (c < 0)
        return "the end of the file";
    if (c == '\n' || (c == '\r' && peek(ps, 1) == '\n'))
        return "the end of the line";
    if (c >= 0x21 && c < 0x7f)
        snprintf(buf, sz, "'%c'", c);
    else
        snprintf(buf, sz, "byte 0x%02x", (unsigned)c);
    return buf;
}

/* Consumes a newline (LF or CRLF) if one is at the cursor. */
static bool eat_newline(struct parser *ps)
{
    if (peek(ps, 0) == '\n') {
        ps->p++;
    } else if (peek(ps, 0) == '\r' && peek(ps, 1) == '\n') {
        ps->p += 2;
    } else {
        return false;
    }
    ps->line++;
    ps->lstart = ps->p;
    return true;
}

static void skip_ws(struct parser *ps)
{
    while (peek(ps, 0) == ' ' || peek(ps, 0) == '\t')
        ps->p++;
}

/* A comment runs to the end of the line; control characters other than tab are refused. */
static bool skip_comment(struct parser *ps)
{
    if (peek(ps, 0) != '#')
        return true;
    for (;;) {
        int c = peek(ps, 0);
        if (c < 0 || c == '\n' || (c == '\r' && peek(ps, 1) == '\n'))
            return true;
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            return FAIL(ps, "control character 0x%02x in a comment", (unsigned)c);
        ps->p++;
    }
}

/* Whitespace, comments and newlines (inside arrays and inline tables). */
static bool skip_ws_nl(struct parser *ps)
{
    for (;;) {
        skip_ws(ps);
        if (!skip_comment(ps))
            return false;
        if (!eat_newline(ps))
            return true;
    }
}

/* After a key/value or a header: only whitespace, a comment, then a newline or the end. */
static bool end_of_line(struct parser *ps, const char *after)
{
    char b[16];
    skip_ws(ps);
    if (!skip_comment(ps))
        return false;
    if (peek(ps, 0) < 0 || eat_newline(ps))
        return true;
    return FAIL(ps, "expected a newline or a comment after %s, found %s", after,
                here(ps, b, sizeof b));
}

/* ---- strings ---- */

static void put_utf8(char **out, size_t *len, size_t *cap, uint32_t cp)
{
    char u[4];
    size_t k;
    if (cp < 0x80) {
        u[0] = (char)cp;
        k = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xc0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3f));
        k = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xe0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        u[2] = (char)(0x80 | (cp & 0x3f));
        k = 3;
    } else {
        u[0] = (char)(0xf0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
        u[3] = (char)(0x80 | (cp & 0x3f));
        k = 4;
    }
    *out = xgrow(*out, cap, *len + k + 1, 1);
    memcpy(*out + *len, u, k);
    *len += k;
}

static void put_byte(char **out, size_t *len, size_t *cap, char c)
{
    *out = xgrow(*out, cap, *len + 2, 1);
    (*out)[(*len)++] = c;
}

static bool read_escape(struct parser *ps, char **out, size_t *len, size_t *cap)
{
    int line = ps->line, col = col_at(ps, ps->p);
    ps->p++; /* the backslash */
    int c = peek(ps, 0);
    const char *simple = NULL;
    switch (c) {
    case 'b':
        simple = "\b";
        break;
    case 't':
        simple = "\t";
        break;
    case 'n':
        simple = "\n";
        break;
    case 'f':
        simple = "\f";
        break;
    case 'r':
        simple = "\r";
        break;
    case 'e':
        simple = "\x1b";
        break;
    case '"':
        simple = "\"";
        break;
    case '\\':
        simple = "\\";
        break;
    default:
        break;
    }
    if (simple != NULL) {
        put_byte(out, len, cap, simple[0]);
        ps->p++;
        return true;
    }
    if (c == 'u' || c == 'U' || c == 'x') {
        int digits = c == 'u' ? 4 : c == 'U' ? 8 : 2;
        uint32_t cp = 0;
        ps->p++;
        for (int i = 0; i < digits; i++) {
            int h = peek(ps, 0);
            int d = h >= '0' && h <= '9'   ? h - '0'
                    : h >= 'a' && h <= 'f' ? h - 'a' + 10
                    : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                           : -1;
            if (d < 0)
                return fail_at(ps, line, col, "expected %d hex digits after \\%c", digits, c);
            cp = cp * 16 + (uint32_t)d;
            ps->p++;
        }
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return fail_at(ps, line, col, "\\%c escape is not a Unicode scalar value", c);
        put_utf8(out, len, cap, cp);
        return true;
    }
    return fail_at(ps, line, col,
                   "invalid escape in a string (valid: \\b \\t \\n \\f \\r \\\" \\\\ "
                   "\\uXXXX \\UXXXXXXXX)");
}

/* Reads any of the four string forms at the cursor into a new buffer. */
static bool read_string(struct parser *ps, char **text, size_t *tlen)
{
    int line = ps->line, col = col_at(ps, ps->p);
    char q = ps->s[ps->p];
    bool multi = peek(ps, 1) == q && peek(ps, 2) == q;
    bool literal = q == '\'';
    char *out = NULL;
    size_t len = 0, cap = 0;
    out = xgrow(out, &cap, 1, 1);
    ps->p += multi ? 3 : 1;
    if (multi)
        eat_newline(ps); /* a newline right after the opening quotes is trimmed */
    for (;;) {
        int c = peek(ps, 0);
        if (c < 0) {
            free(out);
            return fail_at(ps, line, col, "unterminated string (expected a closing %s)",
                           multi ? (literal ? "'''" : "\"\"\"") : (literal ? "'" : "\""));
        }
        if (c == q) {
            if (!multi) {
                ps->p++;
                break;
            }
            if (peek(ps, 1) == q && peek(ps, 2) == q) {
                /* up to two quotes may precede the closing three */
                size_t extra = 0;
                while (extra < 2 && peek(ps, 3 + extra) == q)
                    extra++;
                for (size_t i = 0; i < extra; i++)
                    put_byte(&out, &len, &cap, q);
                ps->p += 3 + extra;
                break;
            }
            put_byte(&out, &len, &cap, q);
            ps->p++;
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (!multi) {
                free(out);
                return FAIL(ps,
                            "a newline inside a single-line string (expected a closing "
                            "%s)",
                            literal ? "'" : "\"");
            }
            if (!eat_newline(ps)) {
                free(out);
                return FAIL(ps, "a bare carriage return inside a string");
            }
            put_byte(&out, &len, &cap, '\n');
            continue;
        }
        if (c == '\\' && !literal) {
            if (multi) {
                /* a line-ending backslash trims the newline and the whitespace after it */
                size_t k = 1;
                while (peek(ps, k) == ' ' || peek(ps, k) == '\t')
                    k++;
                if (peek(ps, k) == '\n' || (peek(ps, k) == '\r' && peek(ps, k + 1) == '\n')) {
                    ps->p += k;
                    for (;;) {
                        skip_ws(ps);
                        if (!eat_newline(ps))
                            break;
                    }
                    continue;
                }
            }
            if (!read_escape(ps, &out, &len, &cap)) {
                free(out);
                return false;
            }
            continue;
        }
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
            free(out);
            return FAIL(ps, "control character 0x%02x in a string (escape it)", (unsigned)c);
        }
        put_byte(&out, &len, &cap, (char)c);
        ps->p++;
    }
    out[len] = '\0';
    *text = out;
    *tlen = len;
    return true;
}

/* ---- keys ---- */

static bool is_bare(int c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

struct keypart {
    char *text;
    int line, col;
};

struct keypath {
    struct keypart *v;
    size_t n, cap;
};

static void keypath_finish(struct keypath *k)
{
    for (size_t i = 0; i < k->n; i++)
        free(k->v[i].text);
    free(k->v);
    k->v = NULL;
    k->n = k->cap = 0;
}

/* Reads a key, simple or dotted: a.b."c d".'e'. */
static bool read_key(struct parser *ps, struct keypath *k)
{
    char b[16];
    for (;;) {
        skip_ws(ps);
        int line = ps->line, col = col_at(ps, ps->p);
        int c = peek(ps, 0);
        char *text;
        size_t tlen;
        if (c == '"' || c == '\'') {
            if (peek(ps, 1) == c && peek(ps, 2) == c)
                return FAIL(ps, "a multi-line string cannot be a key");
            if (!read_string(ps, &text, &tlen))
                return false;
            if (strlen(text) != tlen) {
                free(text);
                return fail_at(ps, line, col, "a key cannot contain a NUL character");
            }
        } else if (is_bare(c)) {
            size_t start = ps->p;
            while (is_bare(peek(ps, 0)))
                ps->p++;
            text = xstrndup(ps->s + start, ps->p - start);
        } else {
            return FAIL(ps,
                        "expected a key (letters, digits, '_', '-', or a quoted string), "
                        "found %s",
                        here(ps, b, sizeof b));
        }
        if (k->n >= TOML_MAX_KEY_PARTS) {
            free(text);
            return fail_at(ps, line, col, "a dotted key with more than %d parts",
                           TOML_MAX_KEY_PARTS);
        }
        k->v = xgrow(k->v, &k->cap, k->n + 1, sizeof *k->v);
        k->v[k->n++] = (struct keypart){text, line, col};
        skip_ws(ps);
        if (peek(ps, 0) != '.')
            return true;
        ps->p++;
    }
}

/* ---- values ---- */

static bool read_value(struct parser *ps, struct toml_value **out);

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* Dates and times: 1979-05-27, 07:32:00, 1979-05-27T07:32:00.999-07:00, with a space for T. */
static bool looks_like_date(const struct parser *ps)
{
    if (is_digit(peek(ps, 0)) && is_digit(peek(ps, 1)) && is_digit(peek(ps, 2)) &&
        is_digit(peek(ps, 3)) && peek(ps, 4) == '-')
        return true;
    return is_digit(peek(ps, 0)) && is_digit(peek(ps, 1)) && peek(ps, 2) == ':';
}

static bool read_date(struct parser *ps, struct toml_value **out)
{
    int line = ps->line, col = col_at(ps, ps->p);
    size_t start = ps->p;
    for (;;) {
        int c = peek(ps, 0);
        if (is_digit(c) || c == '-' || c == ':' || c == '.' || c == 'T' || c == 't' || c == 'Z' ||
            c == 'z' || c == '+') {
            ps->p++;
        } else if (c == ' ' && is_digit(peek(ps, 1)) && is_digit(peek(ps, 2)) &&
                   peek(ps, 3) == ':' && ps->p - start == 10) {
            ps->p++; /* "1979-05-27 07:32:00" */
        } else {
            break;
        }
    }
    size_t len = ps->p - start;
    const char *d = ps->s + start;
    /* shape check: a date YYYY-MM-DD and/or a time HH:MM(:SS) */
    bool ok = false;
    if (len >= 10 && d[4] == '-' && is_digit(d[5]) && is_digit(d[6]) && d[7] == '-' &&
        is_digit(d[8]) && is_digit(d[9]))
        ok = len == 10 || (len >= 16 && (d[10] == 'T' || d[10] == 't' || d[10] == ' ') &&
                           is_digit(d[11]) && d[13] == ':');
    else if (len >= 5 && d[2] == ':' && is_digit(d[3]) && is_digit(d[4]))
        ok = true;
    if (!ok)
        return fail_at(ps, line, col,
                       "malformed date or time (expected e.g. 1979-05-27, 07:32:00 or "
                       "1979-05-27T07:32:00Z)");
    struct toml_value *v = value_new(TOML_DATETIME, line, col);
    v->str = xstrndup(d, len);
    v->len = len;
    *out = v;
    return true;
}

static bool read_number(struct parser *ps, struct toml_value **out)
{
    int line = ps->line, col = col_at(ps, ps->p);
    int sign = 0;
    if (peek(ps, 0) == '+' || peek(ps, 0) == '-') {
        sign = peek(ps, 0);
        ps->p++;
    }
    /* inf and nan */
    if ((peek(ps, 0) == 'i' && peek(ps, 1) == 'n' && peek(ps, 2) == 'f') ||
        (peek(ps, 0) == 'n' && peek(ps, 1) == 'a' && peek(ps, 2) == 'n')) {
        bool inf = peek(ps, 0) == 'i';
        ps->p += 3;
        if (is_bare(peek(ps, 0)))
            return fail_at(ps, line, col, "expected a value, found a bare word");
        struct toml_value *v = value_new(TOML_FLOAT, line, col);
        v->f = inf ? (sign == '-' ? -INFINITY : INFINITY) : NAN;
        *out = v;
        return true;
    }
    /* prefixed integers */
    if (sign == 0 && peek(ps, 0) == '0' &&
        (peek(ps, 1) == 'x' || peek(ps, 1) == 'o' || peek(ps, 1) == 'b')) {
        int base = peek(ps, 1) == 'x' ? 16 : peek(ps, 1) == 'o' ? 8 : 2;
        ps->p += 2;
        unsigned long long val = 0;
        bool any = false, prev_digit = false;
        for (;;) {
            int c = peek(ps, 0);
            int d = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
            if (c == '_' && prev_digit && ps->p + 1 < ps->n) {
                prev_digit = false;
                ps->p++;
                continue;
            }
            if (d < 0 || d >= base)
                break;
            if (val > (unsigned long long)(INT64_MAX - d) / (unsigned)base)
                return fail_at(ps, line, col, "integer out of range (64-bit signed)");
            val = val * (unsigned)base + (unsigned)d;
            any = prev_digit = true;
            ps->p++;
        }
        if (!any || !prev_digit || is_bare(peek(ps, 0)))
            return fail_at(ps, line, col, "malformed base-%d integer", base);
        struct toml_value *v = value_new(TOML_INTEGER, line, col);
        v->i = (long long)val;
        *out = v;
        return true;
    }
    /* decimal integer or float: copy without underscores, checking their placement */
    char buf[128];
    size_t bl = 0;
    if (sign)
        buf[bl++] = (char)sign;
    bool is_float = false, prev_digit = false;
    size_t int_start = ps->p;
    for (;;) {
        int c = peek(ps, 0);
        if (is_digit(c)) {
            prev_digit = true;
        } else if (c == '_') {
            if (!prev_digit || !is_digit(peek(ps, 1)))
                return fail_at(ps, line, col, "an underscore in a number must sit between digits");
            prev_digit = false;
            ps->p++;
            continue;
        } else if (c == '.' || c == 'e' || c == 'E') {
            if (!prev_digit)
                return fail_at(ps, line, col, "malformed number");
            is_float = true;
            prev_digit = false;
        } else if ((c == '+' || c == '-') && bl > 0 && (buf[bl - 1] == 'e' || buf[bl - 1] == 'E')) {
            prev_digit = false;
        } else {
            break;
        }
        if (bl + 1 >= sizeof buf)
            return fail_at(ps, line, col, "number too long");
        buf[bl++] = (char)c;
        ps->p++;
    }
    buf[bl] = '\0';
    if (!prev_digit || is_bare(peek(ps, 0)) || peek(ps, 0) == '.')
        return fail_at(ps, line, col,
                       "malformed number (expected digits, e.g. 42, -1_000, 3.14 or 1e6)");
    if (ps->p - int_start > 1 && ps->s[int_start] == '0' && is_digit(ps->s[int_start + 1]))
        return fail_at(ps, line, col, "leading zeros are not allowed in a decimal number");
    if (is_float) {
        /* one '.', with digits on both sides, before at most one exponent */
        const char *dot = strchr(buf, '.');
        const char *e = strpbrk(buf, "eE");
        if ((dot != NULL && (!is_digit((unsigned char)dot[1]) || strchr(dot + 1, '.') ||
                             (e != NULL && e < dot))) ||
            (e != NULL && strpbrk(e + 1, "eE.") != NULL))
            return fail_at(ps, line, col,
                           "malformed float (expected e.g. 3.14, -0.5, 1e6 or 6.02e+23)");
        struct toml_value *v = value_new(TOML_FLOAT, line, col);
        v->f = strtod(buf, NULL);
        *out = v;
        return true;
    }
    errno = 0;
    long long i = strtoll(buf, NULL, 10);
    if (errno == ERANGE)
        return fail_at(ps, line, col, "integer out of range (64-bit signed)");
    struct toml_value *v = value_new(TOML_INTEGER, line, col);
    v->i = i;
    *out = v;
    return true;
}

static bool read_array(struct parser *ps, struct toml_value **out)
{
    char b[16];
    struct toml_value *a = value_new(TOML_ARRAY, ps->line, col_at(ps, ps->p));
    ps->p++; /* [ */
    for (;;) {
        if (!skip_ws_nl(ps))
            goto fail;
        if (peek(ps, 0) == ']') {
            ps->p++;
            break;
        }
        struct toml_value *item;
        if (!read_value(ps, &item))
            goto fail;
        array_add(a, item);
        if (!skip_ws_nl(ps))
            goto fail;
        if (peek(ps, 0) == ',') {
            ps->p++;
            continue;
        }
        if (peek(ps, 0) == ']') {
            ps->p++;
            break;
        }
        FAIL(ps, "expected ',' or ']' in the array (opened at %d:%d), found %s", a->line, a->col,
             here(ps, b, sizeof b));
        goto fail;
    }
    *out = a;
    return true;
fail:
    value_free(a);
    return false;
}

static bool set_keyvalue(struct parser *ps, struct toml_value *table, struct keypath *k,
                         struct toml_value *v);

static bool read_inline_table(struct parser *ps, struct toml_value **out)
{
    char b[16];
    struct toml_value *t = value_new(TOML_TABLE, ps->line, col_at(ps, ps->p));
    ps->p++; /* { */
    for (;;) {
        if (!skip_ws_nl(ps))
            goto fail;
        if (peek(ps, 0) == '}') {
            ps->p++;
            break;
        }
        struct keypath k = {0};
        if (!read_key(ps, &k)) {
            keypath_finish(&k);
            goto fail;
        }
        skip_ws(ps);
        if (peek(ps, 0) != '=') {
            FAIL(ps, "expected '=' after the key, found %s", here(ps, b, sizeof b));
            keypath_finish(&k);
            goto fail;
        }
        ps->p++;
        skip_ws(ps);
        struct toml_value *v;
        if (!read_value(ps, &v)) {
            keypath_finish(&k);
            goto fail;
        }
        bool ok = set_keyvalue(ps, t, &k, v);
        keypath_finish(&k);
        if (!ok)
            goto fail;
        if (!skip_ws_nl(ps))
            goto fail;
        if (peek(ps, 0) == ',') {
            ps->p++;
            continue;
        }
        if (peek(ps, 0) == '}') {
            ps->p++;
            break;
        }
        FAIL(ps, "expected ',' or '}' in the inline table (opened at %d:%d), found %s", t->line,
             t->col, here(ps, b, sizeof b));
        goto fail;
    }
    t->flags |= TF_INLINE;
    *out = t;
    return true;
fail:
    value_free(t);
    return false;
}

static bool read_value(struct parser *ps, struct toml_value **out)
{
    char b[16];
    int c = peek(ps, 0);
    int line = ps->line, col = col_at(ps, ps->p);
    if (c == '"' || c == '\'') {
        char *text;
        size_t len;
        if (!read_string(ps, &text, &len))
            return false;
        struct toml_value *v = value_new(TOML_STRING, line, col);
        v->str = text;
        v->len = len;
        *out = v;
        return true;
    }
    if (c == '[' || c == '{') {
        if (ps->depth >= TOML_MAX_DEPTH)
            return FAIL(ps, "arrays and inline tables nested deeper than %d", TOML_MAX_DEPTH);
        ps->depth++;
        bool ok = c == '[' ? read_array(ps, out) : read_inline_table(ps, out);
        ps->depth--;
        return ok;
    }
    if (c == 't' || c == 'f') {
        const char *word = c == 't' ? "true" : "false";
        size_t wl = strlen(word);
        if (ps->n - ps->p >= wl && memcmp(ps->s + ps->p, word, wl) == 0 &&
            !is_bare(ps->p + wl < ps->n ? (unsigned char)ps->s[ps->p + wl] : -1)) {
            ps->p += wl;
            struct toml_value *v = value_new(TOML_BOOL, line, col);
            v->b = c == 't';
            *out = v;
            return true;
        }
    }
    if (looks_like_date(ps))
        return read_date(ps, out);
    bool infnan = (c == 'i' && peek(ps, 1) == 'n' && peek(ps, 2) == 'f') ||
                  (c == 'n' && peek(ps, 1) == 'a' && peek(ps, 2) == 'n');
    if (is_digit(c) || c == '+' || c == '-' || infnan)
        return read_number(ps, out);
    return FAIL(ps,
                "expected a value (a string, number, true/false, date, array or inline "
                "table), found %s",
                here(ps, b, sizeof b));
}

/* ---- tables ---- */

static const char *type_article(const struct toml_value *v)
{
    switch (v->type) {
    case TOML_STRING:
        return "a string";
    case TOML_INTEGER:
        return "an integer";
    case TOML_FLOAT:
        return "a float";
    case TOML_BOOL:
        return "a boolean";
    case TOML_DATETIME:
        return "a date";
    case TOML_ARRAY:
        return v->flags & TF_AOT ? "an array of tables" : "an array";
    case TOML_TABLE:
        return v->flags & TF_INLINE ? "an inline table" : "a table";
    }
    return "a value";
}

/* Walks (creating with flag) the first n parts of k from t; the table reached in *out. */
static bool walk_tables(struct parser *ps, struct toml_value *t, const struct keypath *k, size_t n,
                        unsigned flag, bool for_header, struct toml_value **out)
{
    for (size_t i = 0; i < n; i++) {
        const struct keypart *kp = &k->v[i];
        struct toml_kv *kv = table_find(t, kp->text);
        if (kv == NULL) {
            struct toml_value *nt = value_new(TOML_TABLE, kp->line, kp->col);
            nt->flags = flag;
            table_add(t, xstrdup(kp->text), kp->line, kp->col, nt);
            t = nt;
            continue;
        }
        struct toml_value *v = kv->value;
        if (v->type == TOML_ARRAY && (v->flags & TF_AOT) && for_header && v->nitems > 0) {
            t = v->items[v->nitems - 1];
            continue;
        }
        if (v->type != TOML_TABLE || (v->flags & TF_INLINE) ||
            (!for_header && (v->flags & (TF_DEFINED | TF_IMPLICIT)) && !(v->flags & TF_DOTTED)))
            return fail_at(ps, kp->line, kp->col,
                           "key \"%s\" already holds %s (defined at %d:%d); it cannot be "
                           "extended here",
                           kp->text, type_article(v), kv->line, kv->col);
        t = v;
    }
    *out = t;
    return true;
}

static bool set_keyvalue(struct parser *ps, struct toml_value *table, struct keypath *k,
                         struct toml_value *v)
{
    struct toml_value *t;
    if (!walk_tables(ps, table, k, k->n - 1, TF_DOTTED, false, &t)) {
        value_free(v);
        return false;
    }
    const struct keypart *last = &k->v[k->n - 1];
    const struct toml_kv *dup = table_find(t, last->text);
    if (dup != NULL) {
        value_free(v);
        return fail_at(ps, last->line, last->col, "duplicate key \"%s\" (first defined at %d:%d)",
                       last->text, dup->line, dup->col);
    }
    table_add(t, xstrdup(last->text), last->line, last->col, v);
    return true;
}

/* [a.b] or [[a.b]] at the cursor; the current table in *cur. */
static bool read_header(struct parser *ps, struct toml_value *root, struct toml_value **cur)
{
    char b[16];
    int line = ps->line, col = col_at(ps, ps->p);
    bool aot = peek(ps, 1) == '[';
    ps->p += aot ? 2 : 1;
    struct keypath k = {0};
    bool ok = false;
    if (!read_key(ps, &k))
        goto out;
    skip_ws(ps);
    if (peek(ps, 0) != ']' || (aot && peek(ps, 1) != ']')) {
        FAIL(ps, "expected '%s' to close the table header, found %s", aot ? "]]" : "]",
             here(ps, b, sizeof b));
        goto out;
    }
    ps->p += aot ? 2 : 1;
    if (!end_of_line(ps, "the table header"))
        goto out;
    struct toml_value *parent;
    if (!walk_tables(ps, root, &k, k.n - 1, TF_IMPLICIT, true, &parent))
        goto out;
    const struct keypart *last = &k.v[k.n - 1];
    struct toml_kv *kv = table_find(parent, last->text);
    if (aot) {
        struct toml_value *arr;
        if (kv == NULL) {
            arr = value_new(TOML_ARRAY, line, col);
            arr->flags = TF_AOT;
            table_add(parent, xstrdup(last->text), last->line, last->col, arr);
        } else if (kv->value->type == TOML_ARRAY && (kv->value->flags & TF_AOT)) {
            arr = kv->value;
        } else {
            fail_at(ps, line, col, "[[%s]] names %s already defined at %d:%d", last->text,
                    type_article(kv->value), kv->line, kv->col);
            goto out;
        }
        struct toml_value *t = value_new(TOML_TABLE, line, col);
        t->flags = TF_DEFINED;
        array_add(arr, t);
        *cur = t;
        ok = true;
        goto out;
    }
    if (kv == NULL) {
        struct toml_value *t = value_new(TOML_TABLE, line, col);
        t->flags = TF_DEFINED;
        table_add(parent, xstrdup(last->text), last->line, last->col, t);
        *cur = t;
        ok = true;
        goto out;
    }
    struct toml_value *v = kv->value;
    if (v->type != TOML_TABLE || (v->flags & (TF_INLINE | TF_DEFINED | TF_DOTTED))) {
        fail_at(ps, line, col, "table [%s] is already defined (as %s at %d:%d)", last->text,
                type_article(v), v->line, v->col);
        goto out;
    }
    /* an implicit table becomes defined here: it takes the header's place */
    v->flags = (v->flags & ~TF_IMPLICIT) | TF_DEFINED;
    v->line = line;
    v->col = col;
    *cur = v;
    ok = true;
out:
    keypath_finish(&k);
    return ok;
}

bool toml_parse(struct toml_doc *doc, const char *name, const char *buf, size_t len,
                struct la_error *err)
{
    struct parser ps = {.s = buf, .n = len, .line = 1, .name = name, .err = err};
    struct toml_value *root = value_new(TOML_TABLE, 1, 1);
    root->flags = TF_DEFINED;
    struct toml_value *cur = root;
    doc->root = NULL;
    /* a UTF-8 byte order mark is allowed at the start */
    if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
        ps.p = 3;
        ps.lstart = 3;
    }
    char b[16];
    for (;;) {
        skip_ws(&ps);
        if (!skip_comment(&ps))
            goto fail;
        if (eat_newline(&ps))
            continue;
        int c = peek(&ps, 0);
        if (c < 0)
            break;
        if (c == '[') {
            if (!read_header(&ps, root, &cur))
                goto fail;
            continue;
        }
        if (!is_bare(c) && c != '"' && c != '\'') {
            FAIL(&ps, "expected a key, a [table] header or a comment, found %s",
                 here(&ps, b, sizeof b));
            goto fail;
        }
        struct keypath k = {0};
        if (!read_key(&ps, &k)) {
            keypath_finish(&k);
            goto fail;
        }
        skip_ws(&ps);
        if (peek(&ps, 0) != '=') {
            FAIL(&ps, "expected '=' after the key \"%s\", found %s", k.v[k.n - 1].text,
                 here(&ps, b, sizeof b));
            keypath_finish(&k);
            goto fail;
        }
        ps.p++;
        skip_ws(&ps);
        struct toml_value *v;
        if (!read_value(&ps, &v)) {
            keypath_finish(&k);
            goto fail;
        }
        bool ok = set_keyvalue(&ps, cur, &k, v);
        keypath_finish(&k);
        if (!ok || !end_of_line(&ps, "the value"))
            goto fail;
    }
    doc->root = root;
    return true;
fail:
    value_free(root);
    return false;
}

void toml_finish(struct toml_doc *doc)
{
    if (doc == NULL)
        return;
    value_free(doc->root);
    doc->root = NULL;
}

const struct toml_kv *toml_find(const struct toml_value *t, const char *key)
{
    return table_find(t, key);
}

const struct toml_value *toml_get(const struct toml_value *t, const char *key)
{
    const struct toml_kv *kv = table_find(t, key);
    return kv ? kv->value : NULL;
}

const struct toml_value *toml_path(const struct toml_value *t, ...)
{
    va_list ap;
    va_start(ap, t);
    const char *k;
    while (t != NULL && (k = va_arg(ap, const char *)) != NULL)
        t = toml_get(t, k);
    va_end(ap);
    return t;
}

const char *toml_str(const struct toml_value *v)
{
    return v != NULL && v->type == TOML_STRING ? v->str : NULL;
}

const char *toml_type_name(enum toml_type t)
{
    static const char *const names[] = {
        [TOML_STRING] = "string", [TOML_INTEGER] = "integer", [TOML_FLOAT] = "float",
        [TOML_BOOL] = "boolean",  [TOML_DATETIME] = "date",   [TOML_ARRAY] = "array",
        [TOML_TABLE] = "table",
    };
    return (unsigned)t < sizeof names / sizeof names[0] ? names[t] : "value";
}
