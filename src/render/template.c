/* Logic-less templates: a Mustache subset with located errors and no HTML escaping.
 *
 * Why it is written here rather than taken from a library: Debian packages no Mustache C
 * library that fits (mustach and friends are not packaged for bookworm, or HTML-escape by
 * default, or report errors without a place); we need errors as name:line:col in our
 * `struct la_error`, no escaping (we emit Rust, TOML, YAML and Markdown), flat dotted names
 * ("event_source.sqs" is one name), re-indentation of standalone partials so that code
 * parts compose at any depth, and the spec's optional dynamic names ({{>*name}}: the
 * partial named by name's value), checked for every value a name can take. That is a few
 * hundred lines, smaller than gluing a library.
 *
 * A template is first tokenised into a flat array (sections know the index of their closing
 * tag), which is all `template_check` needs; rendering walks that array. */
#include "lambda_advisor/template.h"
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARTIAL_DEPTH 16
/* Partials may be included many times each, so a few small files can expand exponentially
 * (a includes b twice, b includes c twice...). Rendering stops with an error at the tag that
 * crosses either bound: the bytes produced (at every nesting level) and the partials
 * expanded. Real templates produce tens of KB from a few hundred expansions. */
#define MAX_RENDER_BYTES       ((size_t)16 << 20)
#define MAX_PARTIAL_EXPANSIONS 100000

enum tval_kind { TV_STR, TV_BOOL, TV_LIST };

struct tval {
    char *name;
    enum tval_kind kind;
    char *str;
    bool b;
    struct tctx **items;
    size_t nitems, cap;
};

struct tctx {
    struct tval *v;
    size_t n, cap;
};

struct tctx *tctx_create(void)
{
    return xcalloc(1, sizeof(struct tctx));
}

static void tval_clear(struct tval *v)
{
    free(v->str);
    v->str = NULL;
    for (size_t i = 0; i < v->nitems; i++)
        tctx_destroy(v->items[i]);
    free(v->items);
    v->items = NULL;
    v->nitems = v->cap = 0;
}

void tctx_destroy(struct tctx *c)
{
    if (c == NULL)
        return;
    for (size_t i = 0; i < c->n; i++) {
        tval_clear(&c->v[i]);
        free(c->v[i].name);
    }
    free(c->v);
    free(c);
}

static struct tval *find(const struct tctx *c, const char *name, size_t n)
{
    for (size_t i = 0; i < c->n; i++)
        if (strncmp(c->v[i].name, name, n) == 0 && c->v[i].name[n] == '\0')
            return &c->v[i];
    return NULL;
}

/* The entry for name, emptied, or a new one. */
static struct tval *slot(struct tctx *c, const char *name)
{
    struct tval *v = find(c, name, strlen(name));
    if (v) {
        tval_clear(v);
        return v;
    }
    c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof *c->v);
    v = &c->v[c->n++];
    memset(v, 0, sizeof *v);
    v->name = xstrdup(name);
    return v;
}

void tctx_set(struct tctx *c, const char *name, const char *value)
{
    struct tval *v = slot(c, name);
    v->kind = TV_STR;
    v->str = xstrdup(value ? value : "");
}

void tctx_set_bool(struct tctx *c, const char *name, bool value)
{
    struct tval *v = slot(c, name);
    v->kind = TV_BOOL;
    v->b = value;
}

struct tctx *tctx_push(struct tctx *c, const char *name)
{
    struct tval *v = find(c, name, strlen(name));
    if (v == NULL || v->kind != TV_LIST) {
        v = slot(c, name);
        v->kind = TV_LIST;
    }
    v->items = xgrow(v->items, &v->cap, v->nitems + 1, sizeof *v->items);
    struct tctx *child = tctx_create();
    v->items[v->nitems++] = child;
    return child;
}

static bool truthy(const struct tval *v);

bool tctx_truthy(const struct tctx *c, const char *name)
{
    return c && truthy(find(c, name, strlen(name)));
}

const char *tctx_get(const struct tctx *c, const char *name)
{
    const struct tval *v = c ? find(c, name, strlen(name)) : NULL;
    return v && v->kind == TV_STR ? v->str : NULL;
}

/* ---- tokenising ---- */

enum tok_kind { T_TEXT, T_VAR, T_SECTION, T_INVERTED, T_CLOSE, T_PARTIAL };

struct tok {
    enum tok_kind kind;
    size_t a, n;         /* text, or the tag's name, as a slice of the source */
    size_t off;          /* where the tag starts, for errors */
    size_t end;          /* sections: index of the matching T_CLOSE */
    size_t ind_a, ind_n; /* standalone partials: the indentation before the tag */
    bool dynamic;        /* {{>*name}}: the partial named by the value of name */
};

struct tpl {
    const char *src;
    size_t len;
    const char *name;
    struct tok *t;
    size_t n, cap;
};

static void where(const char *src, size_t off, int *line, int *col)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        if (src[i] == '\n') {
            l++;
            c = 1;
        } else {
            c++;
        }
    }
    *line = l;
    *col = c;
}

#define FAIL_AT(p, off, ...)                                                                       \
    do {                                                                                           \
        int l_, c_;                                                                                \
        where((p)->src, (off), &l_, &c_);                                                          \
        return la_error_set(err, (p)->name, l_, c_, __VA_ARGS__);                                  \
    } while (0)

static struct tok *add_tok(struct tpl *p, enum tok_kind k, size_t a, size_t n, size_t off)
{
    p->t = xgrow(p->t, &p->cap, p->n + 1, sizeof *p->t);
    struct tok *t = &p->t[p->n++];
    memset(t, 0, sizeof *t);
    t->kind = k;
    t->a = a;
    t->n = n;
    t->off = off;
    return t;
}

static void add_text(struct tpl *p, size_t a, size_t b)
{
    if (b > a)
        add_tok(p, T_TEXT, a, b - a, a);
}

static bool name_char(char c, bool partial)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    if (c == '_' || c == '.' || c == '-')
        return true;
    return partial && c == '/';
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* What a static partial tag accepts, for the value of a dynamic one: a relative path of
 * name characters and '/', without '..'. */
static bool partial_name_ok(const char *s)
{
    if (s[0] == '\0' || s[0] == '/' || strstr(s, "..") != NULL)
        return false;
    for (const char *q = s; *q; q++)
        if (!name_char(*q, true))
            return false;
    return true;
}

static bool tokenise(struct tpl *p, struct la_error *err)
{
    const char *s = p->src;
    size_t len = p->len;
    size_t text_start = 0, last_tag_end = 0, i = 0;
    size_t stack[64];
    size_t depth = 0;

    while (i + 1 < len) {
        if (s[i] != '{' || s[i + 1] != '{') {
            i++;
            continue;
        }
        size_t tag = i;
        size_t j = i + 2;
        bool triple = j < len && s[j] == '{';
        if (triple)
            j++;
        char sigil = j < len ? s[j] : '\0';
        enum tok_kind kind = T_VAR;
        bool comment = false, dynamic = false;
        switch (sigil) {
        case '#':
            kind = T_SECTION;
            j++;
            break;
        case '^':
            kind = T_INVERTED;
            j++;
            break;
        case '/':
            kind = T_CLOSE;
            j++;
            break;
        case '>':
            kind = T_PARTIAL;
            j++;
            while (j < len && is_blank(s[j]))
                j++;
            if (j < len && s[j] == '*') { /* the dynamic names module of the Mustache spec */
                dynamic = true;
                j++;
            }
            break;
        case '!':
            comment = true;
            j++;
            break;
        case '&':
            j++;
            break;
        case '=':
            FAIL_AT(p, tag, "changing delimiters ({{=...=}}) is not supported");
        default:
            break;
        }
        if (triple && (kind != T_VAR || comment))
            FAIL_AT(p, tag, "'{{{' opens only a plain variable");
        const char *close = triple ? "}}}" : "}}";
        size_t clen = triple ? 3 : 2;
        size_t k = j;
        while (k + clen <= len && memcmp(s + k, close, clen) != 0) {
            if (!comment && s[k] == '\n')
                FAIL_AT(p, tag, "tag is not closed on its line (missing '%s')", close);
            k++;
        }
        if (k + clen > len)
            FAIL_AT(p, tag, "tag is not closed (missing '%s')", close);
        size_t tag_end = k + clen;
        size_t na = j, nb = k;
        if (!comment) {
            while (na < nb && is_blank(s[na]))
                na++;
            while (nb > na && is_blank(s[nb - 1]))
                nb--;
            if (na == nb)
                FAIL_AT(p, tag, "empty tag name");
            for (size_t q = na; q < nb; q++)
                if (!name_char(s[q], kind == T_PARTIAL && !dynamic))
                    FAIL_AT(p, q, "bad character '%c' in tag name", s[q]);
            if (kind == T_PARTIAL && !dynamic &&
                (s[na] == '/' || memmem(s + na, nb - na, "..", 2) != NULL))
                FAIL_AT(p, na, "partial name must be a relative path without '..'");
        }

        /* A standalone tag (only blanks around it on its line) takes its line with it. */
        bool can_stand = kind != T_VAR || comment;
        size_t lft = tag;
        while (lft > 0 && is_blank(s[lft - 1]))
            lft--;
        size_t rgt = tag_end;
        while (rgt < len && is_blank(s[rgt]))
            rgt++;
        bool standalone = can_stand && lft >= last_tag_end && (lft == 0 || s[lft - 1] == '\n') &&
                          (rgt == len || s[rgt] == '\n' ||
                           (s[rgt] == '\r' && rgt + 1 < len && s[rgt + 1] == '\n'));
        size_t next_text;
        if (standalone) {
            add_text(p, text_start, lft);
            next_text = rgt == len ? len : rgt + (s[rgt] == '\r' ? 2 : 1);
        } else {
            add_text(p, text_start, tag);
            next_text = tag_end;
        }

        if (!comment) {
            struct tok *t = add_tok(p, kind, na, nb - na, tag);
            t->dynamic = dynamic;
            if (kind == T_PARTIAL && standalone) {
                t->ind_a = lft;
                t->ind_n = tag - lft;
            }
            if (kind == T_SECTION || kind == T_INVERTED) {
                if (depth == sizeof stack / sizeof stack[0])
                    FAIL_AT(p, tag, "sections nested too deep");
                stack[depth++] = p->n - 1;
            } else if (kind == T_CLOSE) {
                if (depth == 0)
                    FAIL_AT(p, tag, "closing tag '%.*s' without an open section", (int)(nb - na),
                            s + na);
                struct tok *open = &p->t[stack[depth - 1]];
                if (open->n != nb - na || memcmp(s + open->a, s + na, open->n) != 0) {
                    int ol, oc;
                    where(s, open->off, &ol, &oc);
                    FAIL_AT(p, tag,
                            "closing tag '%.*s' does not match section '%.*s' opened at %d:%d",
                            (int)(nb - na), s + na, (int)open->n, s + open->a, ol, oc);
                }
                open->end = p->n - 1;
                depth--;
            }
        }
        text_start = i = next_text;
        last_tag_end = next_text;
    }
    add_text(p, text_start, len);
    if (depth > 0) {
        struct tok *open = &p->t[stack[depth - 1]];
        FAIL_AT(p, open->off, "section '%.*s' is not closed", (int)open->n, p->src + open->a);
    }
    return true;
}

static bool parse(struct tpl *p, const char *src, size_t len, const char *name,
                  struct la_error *err)
{
    memset(p, 0, sizeof *p);
    p->src = src;
    p->len = len;
    p->name = name ? name : "<template>";
    return tokenise(p, err);
}

static void tpl_finish(struct tpl *p)
{
    free(p->t);
    p->t = NULL;
}

/* ---- rendering ---- */

struct render {
    const struct tctx **stack;
    size_t depth, cap;
    tpl_partial_fn partial;
    void *ud;
    int partial_depth;
    size_t bytes;      /* produced so far, counted at every nesting level */
    size_t expansions; /* partials expanded so far */
};

/* Counts n more bytes of output against MAX_RENDER_BYTES. */
static bool budget(const struct tpl *p, const struct tok *t, struct render *r, size_t n,
                   struct la_error *err)
{
    r->bytes += n;
    if (r->bytes > MAX_RENDER_BYTES)
        FAIL_AT(p, t->off, "the output exceeds %zu MB (partials expanding exponentially?)",
                MAX_RENDER_BYTES >> 20);
    return true;
}

static const struct tval *lookup(const struct render *r, const char *name, size_t n)
{
    for (size_t i = r->depth; i > 0; i--) {
        const struct tval *v = find(r->stack[i - 1], name, n);
        if (v)
            return v;
    }
    return NULL;
}

static bool truthy(const struct tval *v)
{
    if (v == NULL)
        return false;
    switch (v->kind) {
    case TV_STR:
        return v->str[0] != '\0';
    case TV_BOOL:
        return v->b;
    case TV_LIST:
        return v->nitems > 0;
    }
    return false;
}

static void push_ctx(struct render *r, const struct tctx *c)
{
    r->stack = xgrow(r->stack, &r->cap, r->depth + 1, sizeof *r->stack);
    r->stack[r->depth++] = c;
}

/* Appends text to out, prefixing every non-empty line with indent (no trailing blanks on
 * empty lines: generated code must pass rustfmt --check). */
static void add_indented(struct strbuf *out, const char *text, size_t n, const char *ind,
                         size_t ind_n)
{
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) + 1 : n;
        if (text[i] != '\n' && !(text[i] == '\r' && i + 1 < n && text[i + 1] == '\n'))
            sb_add(out, ind, ind_n);
        sb_add(out, text + i, e - i);
        i = e;
    }
}

static bool run(const struct tpl *p, size_t from, size_t to, struct render *r, struct strbuf *out,
                struct la_error *err);

/* How errors name a partial: the file it is read from when the including template is a file
 * under a "templates/" directory ("templates/rust/io.tpl"), else the partial's own name. */
static char *partial_display(const char *parent, const char *pname)
{
    const char *at = NULL;
    for (const char *s = parent; (s = strstr(s, "templates/")) != NULL; s++)
        at = s;
    if (at == NULL)
        return xstrdup(pname);
    int n = (int)(at - parent) + (int)strlen("templates/");
    return xasprintf("%.*s%s.tpl", n, parent, pname);
}

static bool run_partial(const struct tpl *p, const struct tok *t, struct render *r,
                        struct strbuf *out, struct la_error *err)
{
    char *pname;
    if (t->dynamic) {
        const struct tval *v = lookup(r, p->src + t->a, t->n);
        if (v == NULL || v->kind != TV_STR || v->str[0] == '\0')
            FAIL_AT(p, t->off, "dynamic partial '*%.*s': '%.*s' names no template (%s)", (int)t->n,
                    p->src + t->a, (int)t->n, p->src + t->a,
                    v == NULL           ? "not set"
                    : v->kind == TV_STR ? "empty"
                                        : "not a string");
        if (!partial_name_ok(v->str))
            FAIL_AT(p, t->off,
                    "dynamic partial '*%.*s': \"%s\" is not a partial name (a relative path "
                    "without '..')",
                    (int)t->n, p->src + t->a, v->str);
        pname = xstrdup(v->str);
    } else {
        pname = xstrndup(p->src + t->a, t->n);
    }
    size_t plen = 0;
    const char *psrc = r->partial ? r->partial(r->ud, pname, &plen) : NULL;
    if (psrc == NULL) {
        int l_, c_;
        where(p->src, t->off, &l_, &c_);
        if (t->dynamic)
            la_error_set(err, p->name, l_, c_, "unknown partial '%s' (the value of '%.*s')", pname,
                         (int)t->n, p->src + t->a);
        else
            la_error_set(err, p->name, l_, c_, "unknown partial '%s'", pname);
        free(pname);
        return false;
    }
    if (r->partial_depth >= MAX_PARTIAL_DEPTH) {
        free(pname);
        FAIL_AT(p, t->off, "partials nested more than %d deep (recursive partial?)",
                MAX_PARTIAL_DEPTH);
    }
    if (++r->expansions > MAX_PARTIAL_EXPANSIONS) {
        free(pname);
        FAIL_AT(p, t->off, "more than %d partials expanded (partials expanding exponentially?)",
                MAX_PARTIAL_EXPANSIONS);
    }
    struct tpl sub;
    char *shown = partial_display(p->name, pname);
    bool ok = parse(&sub, psrc, plen, shown, err);
    if (ok) {
        r->partial_depth++;
        if (t->ind_n == 0) {
            ok = run(&sub, 0, sub.n, r, out, err);
        } else {
            struct strbuf tmp = STRBUF_INIT;
            ok = run(&sub, 0, sub.n, r, &tmp, err);
            /* The indented copy counts too (about the same size again). */
            if (ok)
                ok = budget(p, t, r, tmp.len, err);
            if (ok)
                add_indented(out, sb_str(&tmp), tmp.len, p->src + t->ind_a, t->ind_n);
            sb_finish(&tmp);
        }
        r->partial_depth--;
    }
    tpl_finish(&sub);
    free(shown);
    free(pname);
    return ok;
}

static bool run(const struct tpl *p, size_t from, size_t to, struct render *r, struct strbuf *out,
                struct la_error *err)
{
    for (size_t i = from; i < to; i++) {
        const struct tok *t = &p->t[i];
        const struct tval *v;
        switch (t->kind) {
        case T_TEXT:
            if (!budget(p, t, r, t->n, err))
                return false;
            sb_add(out, p->src + t->a, t->n);
            break;
        case T_VAR:
            v = lookup(r, p->src + t->a, t->n);
            if (v && v->kind == TV_STR) {
                if (!budget(p, t, r, strlen(v->str), err))
                    return false;
                sb_adds(out, v->str);
            } else if (v && v->kind == TV_BOOL) {
                sb_adds(out, v->b ? "true" : "false");
            }
            break;
        case T_SECTION:
            v = lookup(r, p->src + t->a, t->n);
            if (v && v->kind == TV_LIST) {
                for (size_t k = 0; k < v->nitems; k++) {
                    push_ctx(r, v->items[k]);
                    bool ok = run(p, i + 1, t->end, r, out, err);
                    r->depth--;
                    if (!ok)
                        return false;
                }
            } else if (truthy(v) && !run(p, i + 1, t->end, r, out, err)) {
                return false;
            }
            i = t->end;
            break;
        case T_INVERTED:
            v = lookup(r, p->src + t->a, t->n);
            if (!truthy(v) && !run(p, i + 1, t->end, r, out, err))
                return false;
            i = t->end;
            break;
        case T_CLOSE:
            break;
        case T_PARTIAL:
            if (!run_partial(p, t, r, out, err))
                return false;
            break;
        }
    }
    return true;
}

bool template_render(const char *src, size_t len, const char *name, const struct tctx *ctx,
                     tpl_partial_fn partial, void *ud, struct strbuf *out, struct la_error *err)
{
    struct tpl p;
    bool ok = parse(&p, src, len, name, err);
    if (ok) {
        struct render r = {.partial = partial, .ud = ud};
        static struct tctx empty;
        push_ctx(&r, ctx ? ctx : &empty);
        ok = run(&p, 0, p.n, &r, out, err);
        free(r.stack);
    }
    tpl_finish(&p);
    return ok;
}

/* ---- checking without a context ---- */

/* Partials already checked, with what their partial tree can produce at most: each one is
 * parsed once however often it is included, so checking is linear in the templates' size,
 * and a tree that could expand past the rendering bounds is refused before any rendering. */
struct bound {
    int height;        /* partial nesting below */
    size_t bytes;      /* template text, every section taken (no indentation), saturating */
    size_t expansions; /* partials expanded, saturating */
};
struct checked {
    char **names;
    struct bound *b;
    size_t n, cap, bcap;
};

static size_t sat_add(size_t a, size_t b)
{
    return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

struct check_state {
    tpl_partial_fn partial;
    tpl_values_fn values;
    void *ud;
    struct checked done;
};

static bool check(const char *src, size_t len, const char *name, int depth, struct check_state *st,
                  struct bound *out, struct la_error *err);

/* The bound of the partial pname, included by p's tag t at depth (checked once, then
 * remembered). via: the context name a dynamic tag took pname from, or NULL. */
static bool check_partial(const struct tpl *p, const struct tok *t, const char *pname,
                          const char *via, int depth, struct check_state *st, struct bound *b,
                          struct la_error *err)
{
    int l, c;
    where(p->src, t->off, &l, &c);
    if (via && !partial_name_ok(pname))
        return la_error_set(err, p->name, l, c,
                            "dynamic partial '*%s': \"%s\" is not a partial name (a relative "
                            "path without '..')",
                            via, pname);
    *b = (struct bound){-1, 0, 0};
    for (size_t k = 0; k < st->done.n; k++)
        if (strcmp(st->done.names[k], pname) == 0)
            *b = st->done.b[k];
    size_t plen = 0;
    const char *psrc = st->partial ? st->partial(st->ud, pname, &plen) : NULL;
    if (psrc == NULL && via)
        return la_error_set(err, p->name, l, c, "unknown partial '%s' (a value of '%s')", pname,
                            via);
    if (psrc == NULL)
        return la_error_set(err, p->name, l, c, "unknown partial '%s'", pname);
    if (depth >= MAX_PARTIAL_DEPTH || (b->height >= 0 && depth + 1 + b->height > MAX_PARTIAL_DEPTH))
        return la_error_set(err, p->name, l, c,
                            "partials nested more than %d deep (recursive partial?)",
                            MAX_PARTIAL_DEPTH);
    if (b->height >= 0)
        return true;
    char *shown = partial_display(p->name, pname);
    bool ok = check(psrc, plen, shown, depth + 1, st, b, err);
    free(shown);
    if (ok) {
        struct checked *d = &st->done;
        d->names = xgrow(d->names, &d->cap, d->n + 1, sizeof *d->names);
        d->b = xgrow(d->b, &d->bcap, d->n + 1, sizeof *d->b);
        d->names[d->n] = xstrdup(pname);
        d->b[d->n++] = *b;
    }
    return ok;
}

/* A dynamic partial takes one of its values at each rendering: its bound is the largest of
 * theirs, and every value is checked (an unknown name, or a value that names no template, is
 * an error at the tag). */
static bool check_dynamic(const struct tpl *p, const struct tok *t, int depth,
                          struct check_state *st, struct bound *b, struct la_error *err)
{
    char *via = xstrndup(p->src + t->a, t->n);
    char **vals = st->values ? st->values(st->ud, via) : NULL;
    bool ok = true;
    *b = (struct bound){0, 0, 0};
    if (vals == NULL) {
        int l, c;
        where(p->src, t->off, &l, &c);
        ok = la_error_set(err, p->name, l, c,
                          "dynamic partial '*%s': '%s' is not a name that holds a template name",
                          via, via);
    }
    for (size_t k = 0; vals && vals[k]; k++) {
        struct bound vb;
        if (ok && (ok = check_partial(p, t, vals[k], via, depth, st, &vb, err))) {
            b->height = vb.height > b->height ? vb.height : b->height;
            b->bytes = vb.bytes > b->bytes ? vb.bytes : b->bytes;
            b->expansions = vb.expansions > b->expansions ? vb.expansions : b->expansions;
        }
        free(vals[k]);
    }
    free(vals);
    free(via);
    return ok;
}

static bool check(const char *src, size_t len, const char *name, int depth, struct check_state *st,
                  struct bound *out, struct la_error *err)
{
    struct tpl p;
    *out = (struct bound){0, len, 0};
    bool ok = parse(&p, src, len, name, err);
    for (size_t i = 0; ok && i < p.n; i++) {
        const struct tok *t = &p.t[i];
        if (t->kind != T_PARTIAL)
            continue;
        struct bound b;
        if (t->dynamic) {
            ok = check_dynamic(&p, t, depth, st, &b, err);
        } else {
            char *pname = xstrndup(p.src + t->a, t->n);
            ok = check_partial(&p, t, pname, NULL, depth, st, &b, err);
            free(pname);
        }
        if (!ok)
            break;
        int l, c;
        where(p.src, t->off, &l, &c);
        if (b.height + 1 > out->height)
            out->height = b.height + 1;
        out->bytes = sat_add(out->bytes, b.bytes);
        out->expansions = sat_add(out->expansions, sat_add(b.expansions, 1));
        if (out->bytes > MAX_RENDER_BYTES)
            ok = la_error_set(err, p.name, l, c,
                              "the partials here can expand to more than %zu MB "
                              "(partials expanding exponentially?)",
                              MAX_RENDER_BYTES >> 20);
        else if (out->expansions > MAX_PARTIAL_EXPANSIONS)
            ok = la_error_set(err, p.name, l, c,
                              "the partials here can expand more than %d partials "
                              "(partials expanding exponentially?)",
                              MAX_PARTIAL_EXPANSIONS);
    }
    tpl_finish(&p);
    return ok;
}

bool template_check(const char *src, size_t len, const char *name, tpl_partial_fn partial,
                    tpl_values_fn values, void *ud, struct la_error *err)
{
    struct check_state st = {.partial = partial, .values = values, .ud = ud};
    struct bound b;
    bool ok = check(src, len, name, 0, &st, &b, err);
    for (size_t k = 0; k < st.done.n; k++)
        free(st.done.names[k]);
    free(st.done.names);
    free(st.done.b);
    return ok;
}

struct file_partials {
    char *root;
    tpl_values_fn values; /* called with the root as its ud */
    char **bufs;
    size_t n, cap;
};

static const char *file_partial(void *ud, const char *name, size_t *len)
{
    struct file_partials *fp = ud;
    char *path = xasprintf("%s/%s.tpl", fp->root, name);
    char *buf = NULL;
    size_t n = 0;
    bool ok = file_read_all(path, 1 << 20, &buf, &n, NULL);
    free(path);
    if (!ok)
        return NULL;
    fp->bufs = xgrow(fp->bufs, &fp->cap, fp->n + 1, sizeof *fp->bufs);
    fp->bufs[fp->n++] = buf;
    *len = n;
    return buf;
}

static char **file_values(void *ud, const char *name)
{
    struct file_partials *fp = ud;
    return fp->values ? fp->values(fp->root, name) : NULL;
}

static char *partials_root(const char *path)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash == NULL) {
        free(dir);
        return xstrdup(".");
    }
    *slash = '\0';
    for (char *end = dir + strlen(dir);;) {
        char *prev = end;
        while (prev > dir && prev[-1] != '/')
            prev--;
        if (strncmp(prev, "templates", (size_t)(end - prev)) == 0 && end - prev == 9) {
            *end = '\0';
            return dir;
        }
        if (prev == dir)
            break;
        end = prev - 1;
    }
    *slash = '\0';
    return dir;
}

bool template_validate(const char *path, tpl_values_fn values, struct la_error *err)
{
    char *src = NULL;
    size_t len = 0;
    if (!file_read_all(path, 1 << 20, &src, &len, err))
        return false;
    struct file_partials fp = {.root = partials_root(path), .values = values};
    bool ok = template_check(src, len, path, file_partial, file_values, &fp, err);
    for (size_t i = 0; i < fp.n; i++)
        free(fp.bufs[i]);
    free(fp.bufs);
    free(fp.root);
    free(src);
    return ok;
}
