/* One Rust file: prefilter, lex, scopes, each rule as its own pass, structural checks,
 * suppression comments. */
#include "lambda_advisor/xalloc.h"
#include "scan_int.h"
#include "suppress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_BINDINGS 8

#define LIT_NONE  ((size_t)-1)
#define LIT_AWAIT 0
#define LIT_US    1
#define LIT_ASYNC 2

/* Registers a literal (once); returns its id, or LIT_NONE when there are too many: such a
 * literal counts as always present. */
static size_t lit_add(struct worker *w, const char *lit)
{
    for (size_t i = 0; i < w->nlits; i++)
        if (strcmp(w->lits[i].s, lit) == 0)
            return i;
    if (w->nlits >= sizeof w->lits / sizeof w->lits[0])
        return LIT_NONE;
    /* printable bytes from the rarest to the most common in Rust sources (measured on the
     * benchmark corpus): a literal is searched for by its rarest byte */
    static const char rarity[] = "~@%^JZQj?+$|\\XKqzY*97#'&<!H5W-8V][`kB6G4v>wMU\"}{F3y1LP2xgC.N=;"
                                 "hAODIRSmTb()0fEd/p,c:luioa_rsnte";
    size_t n = strlen(lit), pivot = 0, best = sizeof rarity;
    for (size_t i = 0; i < n; i++) {
        const char *r = strchr(rarity, lit[i]);
        size_t rank = r && lit[i] ? (size_t)(r - rarity) : 0; /* other bytes: rarer still */
        if (rank < best) {
            best = rank;
            pivot = i;
        }
    }
    w->lits[w->nlits] = (struct scan_lit){lit, n, pivot};
    return w->nlits++;
}

void worker_init(struct worker *w, const struct ruleset *rs, const pcre2_code *tracing_re)
{
    memset(w, 0, sizeof *w);
    w->rs = rs;
    w->tracing_re = tracing_re;
    w->md = pcre2_match_data_create(1, NULL);
    w->mctx = pcre2_match_context_create(NULL);
    w->jstack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
    if (w->mctx && w->jstack)
        pcre2_jit_stack_assign(w->mctx, NULL, w->jstack);
    rules_limit_match(w->mctx);
    lit_add(w, "await");
    lit_add(w, "lambda-advisor");
    lit_add(w, "async");
    cg_retain();
    w->rule_off = xcalloc(rs->n + 1, sizeof *w->rule_off);
    size_t total = 0;
    for (size_t i = 0; i < rs->n; i++)
        total += rs->v[i].nprefilter;
    w->rule_lit = xcalloc(total + 1, sizeof *w->rule_lit);
    size_t k = 0;
    for (size_t i = 0; i < rs->n; i++) {
        w->rule_off[i] = k;
        for (size_t j = 0; j < rs->v[i].nprefilter; j++)
            w->rule_lit[k++] = lit_add(w, rs->v[i].prefilter[j]);
    }
    w->rule_off[rs->n] = k;
}

void worker_finish(struct worker *w)
{
    pcre2_match_data_free(w->md);
    pcre2_match_context_free(w->mctx);
    pcre2_jit_stack_free(w->jstack);
    lexer_finish(&w->lx);
    scope_finish(&w->sc);
    free(w->rule_lit);
    free(w->rule_off);
    free(w->lines);
    free(w->reach);
    cg_worker_finish(w);
    fvec_finish(&w->out);
    cg_release();
}

void finding_clear(struct finding *f)
{
    free(f->path);
    free(f->message);
    free(f->fix);
    free(f->snippet);
    free(f->related);
}

void fvec_finish(struct fvec *fv)
{
    for (size_t i = 0; i < fv->n; i++)
        finding_clear(&fv->v[i]);
    free(fv->v);
    memset(fv, 0, sizeof *fv);
}

void fvec_add(struct fvec *fv, const struct rule *r, const char *rule_id, enum severity sev,
              const char *path, int line, int col, int end_line, int end_col, const char *detail,
              const char *snippet, size_t snippet_len)
{
    fv->v = xgrow(fv->v, &fv->cap, fv->n + 1, sizeof *fv->v);
    struct finding *f = &fv->v[fv->n++];
    f->rule = r ? r->id : rule_id;
    f->severity = sev;
    f->path = xstrdup(path);
    f->line = line;
    f->col = col;
    f->end_line = end_line;
    f->end_col = end_col;
    if (r && detail)
        f->message = xasprintf("%s: %s", r->message, detail);
    else
        f->message = xstrdup(r ? r->message : detail ? detail : "");
    f->fix = r && r->fix ? xstrdup(r->fix) : NULL;
    f->related = NULL;
    f->nrelated = 0;
    finding_excerpt(f, snippet, snippet_len);
}

/* ---- positions ---- */

static void build_lines(struct worker *w)
{
    if (w->lines_ready)
        return;
    w->nlines = 0;
    w->lines = xgrow(w->lines, &w->caplines, 1, sizeof *w->lines);
    w->lines[w->nlines++] = 0;
    for (const char *p = w->src; (p = memchr(p, '\n', (size_t)(w->src + w->len - p))) != NULL;) {
        p++;
        w->lines = xgrow(w->lines, &w->caplines, w->nlines + 1, sizeof *w->lines);
        w->lines[w->nlines++] = (size_t)(p - w->src);
    }
    w->lines_ready = true;
}

/* 0-based line index of a byte offset. */
static size_t line_of(struct worker *w, size_t off)
{
    build_lines(w);
    size_t lo = 0, hi = w->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (w->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static void line_text(struct worker *w, size_t li, const char **s, size_t *n)
{
    size_t a = w->lines[li];
    size_t b = li + 1 < w->nlines ? w->lines[li + 1] - 1 : w->len;
    if (b > a && w->src[b - 1] == '\r')
        b--;
    *s = w->src + a;
    *n = b - a;
}

static void emit(struct worker *w, const struct rule *r, size_t start, size_t end,
                 const char *detail)
{
    size_t l1 = line_of(w, start), l2 = line_of(w, end > start ? end : start);
    const char *s;
    size_t n;
    line_text(w, l1, &s, &n);
    fvec_add(&w->out, r, NULL, r->severity, w->path, (int)l1 + 1, (int)(start - w->lines[l1]) + 1,
             (int)l2 + 1, (int)(end - w->lines[l2]) + 1, detail, s, n);
}

/* ---- prefilter ---- */

/* Does the current file hold literal id? Looked up once per file and only when a rule asks:
 * memchr (vectorised) for the literal's rarest byte, then a comparison around each hit. */
static bool has_lit(struct worker *w, size_t id)
{
    if (id == LIT_NONE)
        return true;
    if (w->found[id] == 0) {
        const struct scan_lit *l = &w->lits[id];
        w->found[id] = 2;
        const char *end = w->src + w->len, *p = w->src + l->pivot;
        char c = l->s[l->pivot];
        while (p < end && (p = memchr(p, c, (size_t)(end - p))) != NULL) {
            const char *start = p - l->pivot;
            if (start >= w->src && (size_t)(end - start) >= l->n && start[0] == l->s[0] &&
                start[l->n - 1] == l->s[l->n - 1] && memcmp(start, l->s, l->n) == 0) {
                w->found[id] = 1;
                break;
            }
            p++;
        }
    }
    return w->found[id] == 1;
}

static bool prefilter_pass(struct worker *w, size_t rule)
{
    size_t a = w->rule_off[rule], b = w->rule_off[rule + 1];
    if (a == b)
        return true;
    for (size_t i = a; i < b; i++)
        if (has_lit(w, w->rule_lit[i]))
            return true;
    return false;
}

static bool re_find(struct worker *w, const pcre2_code *re, const char *s, size_t len, size_t from,
                    size_t *ms, size_t *me)
{
    for (;;) {
        int rc = pcre2_match(re, (PCRE2_SPTR)s, len, from, 0, w->md, w->mctx);
        if (rc >= 0)
            break;
        if (rc == PCRE2_ERROR_NOMATCH)
            return false;
        from = rules_match_failed(w, re, s, len, from, rc); /* said once; goes on after */
        if (from > len)
            return false;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(w->md);
    *ms = ov[0];
    *me = ov[1];
    return true;
}

/* ---- scopes ---- */

static bool async_scope(uint16_t f)
{
    return (f & SF_ASYNC) && !(f & (SF_OFF | SF_MAIN | SF_INIT));
}

/* Does token k run per invocation: in a handler region, or in a fn the call graph reaches
 * from one? Only asked when the file has a call graph. */
static bool per_invocation(const struct worker *w, size_t k)
{
    uint16_t f = w->sc.flags[k];
    if (f & (SF_TEST | SF_INIT))
        return false;
    if (f & SF_HANDLER)
        return true;
    if (f & SF_MAIN)
        return false;
    int32_t fi = w->sc.fn[k];
    return fi >= 0 && w->reach[fi];
}

/* Is token k (flags f) where rule r counts? With a call graph, code that no handler reaches
 * is start-up code (or dead, or a tool's) in a binary package; in a library package, panics
 * and clients count where a handler of the workspace reaches them, async rules lexically. */
static bool in_scope_at(const struct worker *w, const struct rule *r, size_t k, bool lambda)
{
    uint16_t f = w->sc.flags[k];
    if (f & SF_TEST)
        return false;
    bool not_main = (f & (SF_IN_FN | SF_ASYNC | SF_HANDLER)) && !(f & (SF_MAIN | SF_INIT));
    const struct cg_file *g = w->cgf;
    bool known = g && !g->pkg_library; /* a binary: its handlers, if any, are known */
    switch (r->scope) {
    case RS_CODE:
        return true;
    case RS_ASYNC:
        return async_scope(f) && (!known || per_invocation(w, k));
    case RS_NOT_MAIN:
    case RS_HANDLER:
        return g ? per_invocation(w, k) : not_main;
    case RS_ASYNC_OR_LAMBDA:
        return (async_scope(f) && (!known || per_invocation(w, k))) ||
               (lambda && (!g || per_invocation(w, k)));
    }
    return false;
}

/* The call whose '(' ends a match at code[end-1]: is it followed by `.await`? */
static bool awaited_after(const char *code, size_t len, size_t end)
{
    if (end == 0 || code[end - 1] != '(')
        return false;
    size_t i = end;
    int depth = 1;
    for (; i < len && depth > 0; i++) {
        if (code[i] == '(' || code[i] == '[' || code[i] == '{')
            depth++;
        else if (code[i] == ')' || code[i] == ']' || code[i] == '}')
            depth--;
    }
    while (i < len && (code[i] == ' ' || code[i] == '\n' || code[i] == '\t' || code[i] == '\r'))
        i++;
    return i + 6 <= len && memcmp(code + i, ".await", 6) == 0 &&
           !(i + 6 < len && (code[i + 6] == '_' || (unsigned)((code[i + 6] | 32) - 'a') < 26u ||
                             (code[i + 6] >= '0' && code[i + 6] <= '9')));
}

static bool same_text_tok(struct worker *w, size_t a, size_t b)
{
    const struct token *x = &w->sc.t[a], *y = &w->sc.t[b];
    return x->kind == y->kind && x->len == y->len &&
           memcmp(w->src + x->start, w->src + y->start, x->len) == 0;
}

static void run_panic_macros(struct worker *w, const struct rule *r, bool lambda);
static bool tword(struct worker *w, size_t i, const char *word);
static bool tpunct(struct worker *w, size_t i, char c);

/* ---- what a match means (rules whose text alone says too little) ---- */

static bool kw_stop(struct worker *w, size_t k)
{
    static const char *const kw[] = {"return", "let",   "in",  "if",    "match", "else",
                                     "move",   "while", "for", "break", "yield", "mut"};
    for (size_t j = 0; j < sizeof kw / sizeof kw[0]; j++)
        if (tword(w, k, kw[j]))
            return true;
    return false;
}

/* The first token of the postfix chain (`a::b(x).c()?.d`) that ends just before token k. */
static size_t chain_start(struct worker *w, size_t k)
{
    size_t j = k, steps = 0;
    while (j > 0 && steps++ < 4096) {
        size_t p = j - 1;
        const struct token *t = &w->sc.t[p];
        if (tpunct(w, p, ')') || tpunct(w, p, ']')) {
            char open = tpunct(w, p, ')') ? '(' : '[', close = w->src[t->start];
            int depth = 0;
            size_t q = p;
            for (;; q--) {
                if (tpunct(w, q, close))
                    depth++;
                else if (tpunct(w, q, open) && --depth == 0)
                    break;
                if (q == 0 || ++steps > 4096)
                    return j;
            }
            j = q;
        } else if (tpunct(w, p, '>') && p > 0 && !tpunct(w, p - 1, '-') && !tpunct(w, p - 1, '=')) {
            /* a turbofish `::<T>` */
            int depth = 0;
            size_t q = p;
            for (;; q--) {
                if (tpunct(w, q, '>'))
                    depth++;
                else if (tpunct(w, q, '<') && --depth == 0)
                    break;
                if (q == 0 || ++steps > 4096)
                    return j;
            }
            if (q < 2 || !tpunct(w, q - 1, ':') || !tpunct(w, q - 2, ':'))
                break;
            j = q;
        } else if ((t->kind == TK_IDENT && !kw_stop(w, p)) || tpunct(w, p, '.') ||
                   (tpunct(w, p, ':') &&
                    ((p > 0 && tpunct(w, p - 1, ':')) || tpunct(w, p + 1, ':'))) ||
                   tpunct(w, p, '?') || t->kind == TK_STRING || t->kind == TK_NUMBER ||
                   t->kind == TK_CHAR) {
            j = p;
        } else {
            break;
        }
    }
    return j;
}

static bool upper_tok(struct worker *w, size_t k)
{
    const struct token *t = &w->sc.t[k];
    return t->kind == TK_IDENT && w->src[t->start] >= 'A' && w->src[t->start] <= 'Z';
}

/* Only constants between a and b: literals, paths to CONSTS / Types, and argument-free
 * conversions (`"x".into()`, `StatusCode::OK`). */
static bool constant_args(struct worker *w, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++) {
        const struct token *t = &w->sc.t[k];
        if (t->kind == TK_STRING || t->kind == TK_NUMBER || t->kind == TK_CHAR)
            continue;
        if (t->kind == TK_PUNCT) {
            char c = w->src[t->start];
            if (strchr(":.,()&", c))
                continue;
            return false;
        }
        if (upper_tok(w, k) || tpunct(w, k + 1, ':'))
            continue;
        if (tword(w, k, "into") || tword(w, k, "to_string") || tword(w, k, "to_owned") ||
            tword(w, k, "from") || tword(w, k, "new") || tword(w, k, "default") ||
            tword(w, k, "empty"))
            continue;
        return false;
    }
    return true;
}

/* The token of the '(' that opens the ')' at token close, searching down to lo (exclusive)
 * and at most 20000 tokens back (absurdly long calls are left alone): lo when there is none. */
static size_t paren_open(struct worker *w, size_t close, size_t lo)
{
    int depth = 0;
    for (size_t i = close, steps = 0; i > lo && steps < 20000; i--, steps++) {
        if (tpunct(w, i, ')'))
            depth++;
        else if (tpunct(w, i, '(') && --depth == 0)
            return i;
    }
    return lo;
}

/* Can the chain [a, k) that ends in .unwrap()/.expect() not fail at run time? */
static bool cannot_fail(struct worker *w, size_t a, size_t k)
{
    /* `Type::f("literal")` (constant regexes, selectors, URLs, header values): fails always
     * or never, and a test would tell */
    if (k >= a + 6 && tpunct(w, k - 1, ')')) {
        /* `Type::f(literals)`: the call's '(' and the path before it */
        size_t o = paren_open(w, k - 1, a);
        bool lits = o > a && o + 1 < k - 1;
        for (size_t j = o + 1; lits && j < k - 1; j++) {
            const struct token *t = &w->sc.t[j];
            lits = t->kind == TK_STRING || t->kind == TK_NUMBER || t->kind == TK_CHAR ||
                   tpunct(w, j, ',') || tpunct(w, j, '-');
        }
        if (lits && o >= a + 4 && w->sc.t[o - 1].kind == TK_IDENT && tpunct(w, o - 2, ':') &&
            tpunct(w, o - 3, ':') && upper_tok(w, o - 4))
            return true;
    }
    /* serde_json::to_string / to_vec / to_value of the crate's own data: Serialize of plain
     * structs, String-keyed maps and Values does not fail */
    if (k >= a + 4 && tword(w, a, "serde_json") && tpunct(w, a + 1, ':') &&
        (tword(w, a + 3, "to_string") || tword(w, a + 3, "to_vec") ||
         tword(w, a + 3, "to_string_pretty") || tword(w, a + 3, "to_value")) &&
        tpunct(w, k - 1, ')'))
        return true;
    /* `"literal".parse()` */
    if (w->sc.t[a].kind == TK_STRING && tpunct(w, a + 1, '.') && tword(w, a + 2, "parse")) {
        size_t j = a + 3;
        if (tpunct(w, j, ':')) /* parse::<T>() */
            while (j < k && !tpunct(w, j, '('))
                j++;
        if (j + 2 == k && tpunct(w, j, '(') && tpunct(w, j + 1, ')'))
            return true;
    }
    /* builders with constant parts: Response::builder().status(200).header("a", "b").body(x) */
    bool builder = false;
    for (size_t j = a; j < k; j++) {
        const struct token *t = &w->sc.t[j];
        if (tword(w, j, "builder") && tpunct(w, j + 1, '(') && tpunct(w, j + 2, ')'))
            builder = true;
        else if (t->kind == TK_IDENT && t->len > 7 && tpunct(w, j + 1, ':') &&
                 memmem(w->src + t->start, t->len, "Builder", 7) &&
                 (tword(w, j + 3, "new") || tword(w, j + 3, "default")))
            builder = true; /* EventBuilderV10::new() */
        /* formatting a date with a well-known format (`.format(&Rfc3339)`) */
        if ((tword(w, j, "format") || tword(w, j, "fmt")) && tpunct(w, j + 1, '(')) {
            for (size_t q = j + 2; q < k && !tpunct(w, q, ')'); q++)
                if (tword(w, q, "Rfc3339") || tword(w, q, "Rfc2822") || tword(w, q, "Iso8601") ||
                    tword(w, q, "HttpDate"))
                    return true;
        }
    }
    /* an SDK-style `X::builder()....build()`: it fails only when the code forgets a required
     * field, the same on every call (an HTTP builder's uri/header/status parts are checked below)
     */
    if (builder && k >= a + 4 && tpunct(w, k - 1, ')') && tpunct(w, k - 2, '(') &&
        tword(w, k - 3, "build")) {
        bool http = false;
        for (size_t j = a; j < k && !http; j++)
            http = tword(w, j, "header") || tword(w, j, "uri") || tword(w, j, "status") ||
                   tword(w, j, "method");
        if (!http)
            return true;
    }
    if (builder) {
        for (size_t j = a; j < k; j++) {
            if (!(w->sc.t[j].kind == TK_IDENT && tpunct(w, j + 1, '(')))
                continue;
            int depth = 0;
            size_t e = j + 1;
            for (; e < k; e++) {
                if (tpunct(w, e, '(') || tpunct(w, e, '['))
                    depth++;
                else if ((tpunct(w, e, ')') || tpunct(w, e, ']')) && --depth == 0)
                    break;
            }
            bool one_name = e == j + 3 && w->sc.t[j + 2].kind == TK_IDENT;
            if (tword(w, j, "body") || tword(w, j, "extension") ||
                (tword(w, j, "status") && one_name)) {
                j = e; /* any body, a typed status: setting it cannot fail */
                continue;
            }
            if (!constant_args(w, j + 2, e))
                return false;
            j = e;
        }
        return true;
    }
    return false;
}

/* Reads the environment (deployment configuration, not request input): the chain itself, or
 * a variable bound from env::var earlier in the fn. */
static bool env_read(struct worker *w, size_t a, size_t k)
{
    for (size_t j = a; j + 3 < k; j++)
        if (tword(w, j, "env") && tpunct(w, j + 1, ':') &&
            (tword(w, j + 3, "var") || tword(w, j + 3, "var_os") || tword(w, j + 3, "args")))
            return true;
    for (size_t j = a; j < k; j++)
        if ((tword(w, j, "env") && tpunct(w, j + 1, '!')) ||
            ((tword(w, j, "credentials_provider") || tword(w, j, "region")) &&
             tpunct(w, j + 1, '(') && tpunct(w, j + 2, ')')))
            return true; /* also the SDK config's region and credentials: the environment */
    if (w->sc.t[a].kind != TK_IDENT)
        return false;
    int32_t fi = w->sc.fn[a];
    if (fi < 0)
        return false;
    /* `let ROOT = ... env::var(...) ...;` earlier in the fn */
    for (size_t j = w->sc.fns[fi].open; j < a; j++) {
        if (!tword(w, j, "let"))
            continue;
        size_t b = j + 1;
        if (tword(w, b, "mut"))
            b++;
        if (!same_text_tok(w, b, a))
            continue;
        for (size_t e = b; e < a && !tpunct(w, e, ';'); e++)
            if (tword(w, e, "env") && tpunct(w, e + 1, ':') && tword(w, e + 3, "var"))
                return true;
    }
    return false;
}

/* `if x.is_some() { x.unwrap() }`, `if x.is_err() { return ... } x.unwrap()`: the check just
 * before makes it infallible. */
static bool checked_before(struct worker *w, size_t a, size_t k)
{
    if (w->sc.t[a].kind != TK_IDENT || k != a + 1)
        return false;
    size_t from = a > 200 ? a - 200 : 0;
    int32_t fi = w->sc.fn[a];
    if (fi >= 0 && w->sc.fns[fi].open > from)
        from = w->sc.fns[fi].open;
    for (size_t j = from; j + 2 < a; j++) {
        /* `if let Err(e) = &x { return ...; }` */
        if (same_text_tok(w, j, a) && j >= 3 && (tpunct(w, j - 1, '=') || tpunct(w, j - 1, '&'))) {
            size_t q = tpunct(w, j - 1, '&') ? j - 2 : j - 1;
            if (tpunct(w, q, '=') && q >= 2 && tpunct(w, q - 1, ')')) {
                size_t o = q - 1;
                while (o > from && !tpunct(w, o, '('))
                    o--;
                if (o >= 2 && (tword(w, o - 1, "Err") || tword(w, o - 1, "None")) &&
                    tword(w, o - 2, "let"))
                    return true;
            }
            if (tpunct(w, q, '=') && q >= 2 && tword(w, q - 1, "None") && tword(w, q - 2, "let"))
                return true;
        }
        if (same_text_tok(w, j, a) && tpunct(w, j + 1, '.') &&
            (tword(w, j + 2, "is_some") || tword(w, j + 2, "is_ok") || tword(w, j + 2, "is_none") ||
             tword(w, j + 2, "is_err")))
            return true;
    }
    return false;
}

/* n tokens at p have the same text as the n tokens at q. */
static bool same_seq(struct worker *w, size_t p, size_t q, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!same_text_tok(w, p + i, q + i))
            return false;
    return true;
}

/* `if v.len() == 0 { return } v.get(0).unwrap()`, `if !s.contains(':') { return }
 * s.rsplit_once(':').expect(..)`, `if m.contains_key(&k) { m.get(&k).expect(..) }`: the chain
 * [a, k) ends in a lookup on X that a check of the same X (and the same argument) earlier in
 * the fn guards. */
static bool guarded_lookup(struct worker *w, size_t a, size_t k)
{
    if (k < a + 5 || !tpunct(w, k - 1, ')'))
        return false;
    size_t o = paren_open(w, k - 1, a);
    if (o < a + 3 || !tpunct(w, o - 2, '.') || w->sc.t[o - 1].kind != TK_IDENT)
        return false;
    size_t m = o - 1, n = o - 2 - a, args = o + 1, nargs = k - 1 - args;
    /* the check that guards this lookup: (method, check, same arguments) */
    static const struct {
        const char *lookup, *check;
        bool args;
    } pairs[] = {
        {"get", "contains_key", true},
        {"get_mut", "contains_key", true},
        {"split_once", "contains", true},
        {"rsplit_once", "contains", true},
        {"find", "contains", true},
        {"rfind", "contains", true},
        {"strip_prefix", "starts_with", true},
        {"strip_suffix", "ends_with", true},
        {"first", "is_empty", false},
        {"last", "is_empty", false},
        {"first", "len", false},
        {"last", "len", false},
        {"get", "is_empty", false},
        {"get", "len", false},
    };
    size_t from = a > 400 ? a - 400 : 0;
    int32_t fi = w->sc.fn[a];
    if (fi >= 0 && w->sc.fns[fi].open > from)
        from = w->sc.fns[fi].open;
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        if (!tword(w, m, pairs[i].lookup))
            continue;
        /* without the same argument, only an index 0 / no argument is covered by a length */
        if (!pairs[i].args &&
            !(nargs == 0 || (nargs == 1 && w->sc.t[args].kind == TK_NUMBER &&
                             w->sc.t[args].len == 1 && w->src[w->sc.t[args].start] == '0')))
            continue;
        for (size_t j = from; j + n + 3 + nargs <= a; j++) {
            if (!same_seq(w, j, a, n) || !tpunct(w, j + n, '.') ||
                !tword(w, j + n + 1, pairs[i].check) || !tpunct(w, j + n + 2, '('))
                continue;
            if (j > 0 && (tpunct(w, j - 1, '.') || (tpunct(w, j - 1, ':'))))
                continue; /* a longer path that merely ends like X */
            /* a length only guards when compared (`v.len() == 0`, `v.len() > 0`) */
            if (tword(w, j + n + 1, "len") &&
                !(tpunct(w, j + n + 3, ')') &&
                  (tpunct(w, j + n + 4, '=') || tpunct(w, j + n + 4, '>') ||
                   tpunct(w, j + n + 4, '<') || tpunct(w, j + n + 4, '!'))))
                continue;
            if (!pairs[i].args)
                return true;
            if (same_seq(w, j + n + 3, args, nargs) && tpunct(w, j + n + 3 + nargs, ')'))
                return true;
        }
    }
    return false;
}

/* Fields the event source or the SDK always sets: `record.s3.object.key` and a listed
 * `Object.key`, `CommonPrefix.prefix`, `last_modified` of a Get/HeadObject output, a
 * WebSocket event's `connection_id`, an EventBridge event's `detail`, an S3 Object Lambda
 * event's `get_object_context`; directly or through `.as_ref()` / `.as_deref()` / `.clone()`. */
static bool always_set_field(struct worker *w, size_t a, size_t k)
{
    size_t f = k - 1;
    if (k >= a + 6 && tpunct(w, k - 1, ')') && tpunct(w, k - 2, '(') && tpunct(w, k - 4, '.') &&
        (tword(w, k - 3, "as_ref") || tword(w, k - 3, "as_deref") || tword(w, k - 3, "clone")))
        f = k - 5;
    if (f < a + 2 || !tpunct(w, f - 1, '.') || w->sc.t[f - 2].kind != TK_IDENT)
        return false;
    static const char *const fields[] = {"key",           "prefix", "last_modified",
                                         "connection_id", "detail", "get_object_context"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (tword(w, f, fields[i]))
            return true;
    return false;
}

/* `RequestContext::Alb(_) => panic!(..)`: a function deployed behind one integration refuses
 * the request kinds that never reach it. */
static bool unsupported_source_arm(struct worker *w, size_t k)
{
    size_t j = k;
    if (j >= 1 && tpunct(w, j - 1, '{'))
        j--;
    if (j < 3 || !tpunct(w, j - 1, '>') || !tpunct(w, j - 2, '='))
        return false;
    int depth = 0;
    for (size_t q = j - 2, steps = 0; q-- > 0 && steps < 24; steps++) {
        if (tpunct(w, q, ')') || tpunct(w, q, ']'))
            depth++;
        else if (tpunct(w, q, '(') || tpunct(w, q, '['))
            depth--;
        else if (depth == 0 &&
                 (tpunct(w, q, ',') || tpunct(w, q, '{') || tpunct(w, q, '}') || tpunct(w, q, ';')))
            return false;
        if (tword(w, q, "RequestContext") && tpunct(w, q + 1, ':') && tpunct(w, q + 2, ':'))
            return true;
    }
    return false;
}

/* Does `format!("scheme://...` start at token j (the `format` of the macro)? */
static bool scheme_format(struct worker *w, size_t j)
{
    if (j + 3 >= w->sc.n || !tword(w, j, "format") || !tpunct(w, j + 1, '!') ||
        !tpunct(w, j + 2, '(') || w->sc.t[j + 3].kind != TK_STRING)
        return false;
    const struct token *t = &w->sc.t[j + 3];
    const char *s = w->src + t->start, *e = s + t->len;
    const char *sep = memmem(s, t->len, "://", 3), *brace = memchr(s, '{', t->len);
    return sep && sep < e && (!brace || sep < brace) && sep > s + 1;
}

/* `Url::parse(&url).unwrap()` / `SignableRequest::new("GET", &url, ..).expect(..)` where the fn
 * formatted url itself with a literal scheme (`format!("https://{host}:{port}/")`,
 * `format!("s3://{bucket}")`): its parts come from configuration, the URL is well-formed. */
static bool own_url(struct worker *w, size_t a, size_t k)
{
    if (k < a + 4 || !tpunct(w, k - 1, ')'))
        return false;
    size_t o = paren_open(w, k - 1, a);
    if (o <= a ||
        !(tword(w, o - 1, "parse") || tword(w, o - 1, "new") || tword(w, o - 1, "from_str")))
        return false;
    for (size_t j = o + 1; j < k - 1; j++) {
        if (scheme_format(w, j))
            return true;
        if (w->sc.t[j].kind != TK_IDENT ||
            !(tpunct(w, j - 1, '(') || tpunct(w, j - 1, '&') || tpunct(w, j - 1, ',')))
            continue;
        /* the last `let NAME = ` before this statement (not `let mut url = Url::parse(&url)`) */
        int32_t fi = w->sc.fn[j];
        for (size_t q = a, steps = 0; fi >= 0 && q-- > w->sc.fns[fi].open && steps < 2000;
             steps++) {
            if (!tword(w, q, "let"))
                continue;
            size_t b = tword(w, q + 1, "mut") ? q + 2 : q + 1;
            if (b + 2 >= a || !same_text_tok(w, b, j) || !tpunct(w, b + 1, '='))
                continue;
            if (scheme_format(w, b + 2))
                return true;
            break;
        }
    }
    return false;
}

/* Inside `fn poll(...)` / `fn poll_*`: "polled after completion" is a state-machine invariant. */
static bool in_poll(struct worker *w, size_t k)
{
    int32_t fi = w->sc.fn[k];
    if (fi < 0)
        return false;
    const struct token *t = &w->sc.t[w->sc.fns[fi].name];
    return t->len >= 4 && memcmp(w->src + t->start, "poll", 4) == 0 &&
           (t->len == 4 || w->src[t->start + 4] == '_');
}

/* The `let [mut] NAME = ` binding of the identifier at token a, searched in its fn before a:
 * the index of the token after '=', or 0. */
static size_t binding_of(struct worker *w, size_t a)
{
    if (w->sc.t[a].kind != TK_IDENT)
        return 0;
    int32_t fi = w->sc.fn[a];
    if (fi < 0)
        return 0;
    size_t found = 0;
    for (size_t j = w->sc.fns[fi].open; j + 3 < a; j++) {
        if (!tword(w, j, "let"))
            continue;
        size_t b = j + 1;
        if (tword(w, b, "mut"))
            b++;
        if (same_text_tok(w, b, a) && tpunct(w, b + 1, '='))
            found = b + 2; /* the last binding before a wins (shadowing) */
    }
    return found;
}

/* `let mut k = Some(v); ... k.take().unwrap()` / `k.unwrap()`: the fn itself made it Some. */
static bool bound_to_some(struct worker *w, size_t a, size_t k)
{
    if (!(k == a + 1 || (k == a + 5 && tpunct(w, a + 1, '.') && tword(w, a + 2, "take") &&
                         tpunct(w, a + 3, '(') && tpunct(w, a + 4, ')'))))
        return false;
    size_t v = binding_of(w, a);
    return v && tword(w, v, "Some") && tpunct(w, v + 1, '(');
}

/* I/O whose only failures are io::Errors, on memory: `ImageReader::new(Cursor::new(bytes))
 * .with_guessed_format()`, `img.write_png(&mut buf)` into a Vec or a Cursor over one; and the
 * wall clock since the epoch (`SystemTime::now().duration_since(UNIX_EPOCH)`), which fails
 * only on a clock set before 1970. */
static bool in_memory_io(struct worker *w, size_t a, size_t k)
{
    for (size_t j = a; j + 2 < k; j++)
        if ((tword(w, j, "duration_since") && tpunct(w, j + 1, '(')) ||
            (tword(w, j, "UNIX_EPOCH") && tpunct(w, j + 1, '.') && tword(w, j + 2, "elapsed"))) {
            for (size_t q = j; q < k && !tpunct(w, q, ')'); q++)
                if (tword(w, q, "UNIX_EPOCH"))
                    return true;
        }
    /* the last call of the chain: NAME(...) just before the '.' of unwrap */
    if (k < a + 3 || !tpunct(w, k - 1, ')'))
        return false;
    size_t o = paren_open(w, k - 1, a);
    if (o <= a || w->sc.t[o - 1].kind != TK_IDENT)
        return false;
    size_t m = o - 1;
    if (tword(w, m, "with_guessed_format")) {
        for (size_t j = a; j + 3 < m; j++)
            if (tword(w, j, "Cursor") && tpunct(w, j + 1, ':') && tword(w, j + 3, "new"))
                return true;
        return false;
    }
    const struct token *t = &w->sc.t[m];
    if (t->len < 5 || memcmp(w->src + t->start, "write", 5) != 0)
        return false;
    /* write_*(&mut buf) with buf a Vec or a Cursor bound in this fn */
    if (!(tpunct(w, o + 1, '&') && tword(w, o + 2, "mut") && w->sc.t[o + 3].kind == TK_IDENT &&
          (tpunct(w, o + 4, ')') || tpunct(w, o + 4, ','))))
        return false;
    size_t v = binding_of(w, o + 3);
    if (!v)
        return false;
    for (size_t j = v; j < o && !tpunct(w, j, ';'); j++)
        if (tword(w, j, "Cursor") || tword(w, j, "Vec") || tword(w, j, "vec"))
            return true;
    return false;
}

static bool time_word(struct worker *w, size_t a, size_t b)
{
    static const char *const words[] = {"unix_timestamp",      "timestamp",
                                        "timestamp_millis",    "timestamp_micros",
                                        "nanosecond",          "timestamp_subsec_nanos",
                                        "unix_timestamp_nanos"};
    for (size_t j = a; j < b && j < w->sc.n; j++)
        for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
            if (tword(w, j, words[i]) && tpunct(w, j + 1, '('))
                return true;
    return false;
}

/* `DateTime::from_timestamp(secs, nanos)` with secs and nanos read from another, valid date
 * (`d.unix_timestamp()`, `d.nanosecond()`, directly or through a `let` in the fn): a round
 * trip between date libraries, always in range. */
static bool time_round_trip(struct worker *w, size_t a, size_t k)
{
    for (size_t j = a; j + 1 < k; j++) {
        const struct token *t = &w->sc.t[j];
        if (t->kind != TK_IDENT || t->len < 14 ||
            memcmp(w->src + t->start, "from_timestamp", 14) != 0 || !tpunct(w, j + 1, '('))
            continue;
        size_t arg = j + 2, n = 0;
        int depth = 0;
        for (size_t q = j + 1; q < k; q++) {
            if (tpunct(w, q, '(') || tpunct(w, q, '['))
                depth++;
            else if ((tpunct(w, q, ')') || tpunct(w, q, ']')) && --depth > 0)
                continue;
            if (!(depth == 0 || (depth == 1 && tpunct(w, q, ','))))
                continue;
            /* the argument [arg, q) */
            if (q == arg)
                return false;
            bool ok = time_word(w, arg, q);
            if (!ok && q == arg + 1 && w->sc.t[arg].kind == TK_IDENT) {
                size_t v = binding_of(w, arg);
                size_t e = v;
                while (v && e < arg && !tpunct(w, e, ';'))
                    e++;
                ok = v && time_word(w, v, e);
            }
            if (!ok)
                return false;
            n++;
            arg = q + 1;
            if (depth == 0)
                return n > 0;
        }
        return false;
    }
    return false;
}

/* Inside `tokio::spawn(async move { ... })` (or `spawn(...)`): a panic there ends that task,
 * its JoinHandle sees it; the invocation itself goes on. */
static bool in_detached_task(struct worker *w, size_t k)
{
    int32_t fi = w->sc.fn[k];
    size_t from = fi >= 0 ? w->sc.fns[fi].open : (k > 4000 ? k - 4000 : 0);
    int depth = 0;
    for (size_t j = k; j-- > from && k - j < 4000;) {
        if (tpunct(w, j, ')') || tpunct(w, j, ']') || tpunct(w, j, '}'))
            depth++;
        else if (tpunct(w, j, '(') || tpunct(w, j, '[') || tpunct(w, j, '{')) {
            if (depth > 0) {
                depth--;
                continue;
            }
            if (tpunct(w, j, '(') && j >= 1 && tword(w, j - 1, "spawn"))
                return true;
        }
    }
    return false;
}

/* unwrap-in-handler: does the panic at token k (the '.' of .unwrap/.expect) count? */
static bool panic_counts(struct worker *w, size_t k)
{
    if (!tpunct(w, k, '.'))
        return !(tword(w, k, "panic") && unsupported_source_arm(w, k)); /* panic!, exit */
    if (in_poll(w, k))
        return false;
    /* .lock() / .read() / .write() then unwrap on another line: only a poisoned lock panics */
    if (k >= 4 && tpunct(w, k - 1, ')') && tpunct(w, k - 2, '(') && tpunct(w, k - 4, '.') &&
        (tword(w, k - 3, "lock") || tword(w, k - 3, "read") || tword(w, k - 3, "write")))
        return false;
    size_t a = chain_start(w, k);
    if (a >= k)
        return true;
    return !(cannot_fail(w, a, k) || env_read(w, a, k) || checked_before(w, a, k) ||
             guarded_lookup(w, a, k) || always_set_field(w, a, k) || own_url(w, a, k) ||
             bound_to_some(w, a, k) || in_memory_io(w, a, k) || time_round_trip(w, a, k) ||
             in_detached_task(w, k));
}

/* What the tokens [a, b) do to a key: bit 0 a real decode (percent_decode, url_decoded_key,
 * a decode helper), bit 1 urlencoding, bit 2 a '+' replace. */
static unsigned decode_marks(struct worker *w, size_t a, size_t b)
{
    static const char *const full[] = {"percent_decode",  "percent_decode_str", "decode_utf8",
                                       "url_decode",      "urldecode",          "decode_key",
                                       "url_decoded_key", "form_urlencoded",    "unescape"};
    unsigned m = 0;
    for (size_t j = a; j < b; j++) {
        const struct token *t = &w->sc.t[j];
        if (t->kind == TK_IDENT) {
            for (size_t i = 0; i < sizeof full / sizeof full[0]; i++)
                if (tword(w, j, full[i]))
                    m |= 1;
            if (tword(w, j, "urlencoding"))
                m |= 2;
        } else if ((t->kind == TK_STRING || t->kind == TK_CHAR) && j >= 2 &&
                   tword(w, j - 2, "replace") && memchr(w->src + t->start, '+', t->len)) {
            m |= 4;
        }
    }
    return m;
}

/* s3-key-not-decoded: is the key at token k decoded where it is read, or by a same-file helper
 * that fn calls? 1 decoded, 0 not, -1 only by urlencoding::decode, which leaves '+' (a space in
 * S3 keys) alone. Keys only logged are left alone too (1). */
static int key_decoded(struct worker *w, size_t k)
{
    /* inside println!/info!-like macro arguments (also nested in a call there): logged only */
    int depth = 0, levels = 0;
    for (size_t j = k; j-- > 0 && k - j < 400;) {
        if (tpunct(w, j, ')') || tpunct(w, j, ']') || tpunct(w, j, '}'))
            depth++;
        else if (tpunct(w, j, '(') || tpunct(w, j, '[') || tpunct(w, j, '{')) {
            if (depth-- > 0)
                continue;
            depth = 0;
            if (++levels > 3)
                break;
            if (tpunct(w, j, '(') && j >= 2 && tpunct(w, j - 1, '!')) {
                static const char *const logs[] = {"println", "print", "eprintln", "info",
                                                   "debug",   "warn",  "error",    "trace",
                                                   "log",     "dbg",   "event"};
                for (size_t i = 0; i < sizeof logs / sizeof logs[0]; i++)
                    if (tword(w, j - 2, logs[i]))
                        return 1;
            }
            if (tpunct(w, j, '{'))
                break;
        }
    }
    int32_t fi = w->sc.fn[k];
    if (fi < 0)
        return 0;
    const struct scope_fn *fn = &w->sc.fns[fi];
    size_t end = fn->close ? fn->close : w->sc.n;
    unsigned m = decode_marks(w, fn->open, end);
    /* one level of same-file helpers it calls */
    for (size_t j = fn->open; j < end && !(m & 1); j++) {
        if (w->sc.t[j].kind != TK_IDENT || !tpunct(w, j + 1, '('))
            continue;
        for (size_t h = 0; h < w->sc.nfns; h++) {
            const struct scope_fn *hf = &w->sc.fns[h];
            if ((int32_t)h == fi || !same_text_tok(w, hf->name, j))
                continue;
            m |= decode_marks(w, hf->open, hf->close ? hf->close : w->sc.n);
        }
        const struct token *t = &w->sc.t[j];
        if (memmem(w->src + t->start, t->len, "decode", 6) && !tword(w, j, "decode"))
            m |= 1; /* a decode helper from elsewhere: trust its name */
    }
    if (m & 1)
        return 1;
    if (m & 2)
        return (m & 4) ? 1 : -1;
    return (m & 4) ? -2 : 0;
}

/* s3-key-not-decoded on `x.object.key` without `s3.`: an aws_lambda_events S3 entity or object
 * passed on, in a file that names those types and a fn that puts the key into an S3 request
 * (`.key(..)`) or an `s3://` address. */
static bool s3_entity_key(struct worker *w, size_t k)
{
    static const char *const types[] = {"S3Event", "S3Entity", "S3Object", "S3EventRecord"};
    bool named = false;
    for (size_t i = 0; i < sizeof types / sizeof types[0] && !named; i++)
        for (size_t j = 0; j < w->sc.n && !named; j++)
            named = tword(w, j, types[i]);
    int32_t fi = w->sc.fn[k];
    if (!named || fi < 0)
        return false;
    const struct scope_fn *fn = &w->sc.fns[fi];
    size_t end = fn->close ? fn->close : w->sc.n;
    for (size_t j = fn->open; j < end; j++) {
        const struct token *t = &w->sc.t[j];
        if (tpunct(w, j, '.') && tword(w, j + 1, "key") && tpunct(w, j + 2, '('))
            return true;
        if (t->kind == TK_STRING && memmem(w->src + t->start, t->len, "s3://", 5))
            return true;
    }
    return false;
}

static void run_pattern(struct worker *w, const struct rule *r, bool lambda)
{
    const char *code = w->lx.code;
    size_t len = w->lx.len, from = 0, ms, me;
    bool panics = strcmp(r->id, "unwrap-in-handler") == 0;
    /* one pitfall per fn: the config load and each client, or each CPU-heavy step */
    bool clients =
        strcmp(r->id, "client-per-invocation") == 0 || strcmp(r->id, "cpu-in-async") == 0;
    bool s3key = strcmp(r->id, "s3-key-not-decoded") == 0;
    size_t last_line = SIZE_MAX;
    struct group {
        int32_t fn;
        size_t finding;
        int n;
    } groups[32];
    size_t ngroups = 0;
    while (from <= len && re_find(w, r->re, code, len, from, &ms, &me)) {
        from = me > ms ? me : ms + 1;
        size_t k = scope_token_at(&w->sc, ms);
        if (k >= w->sc.n)
            continue;
        if (!in_scope_at(w, r, k, lambda))
            continue;
        if (r->not_awaited && awaited_after(code, len, me))
            continue;
        size_t line = line_of(w, ms);
        if (line == last_line)
            continue; /* one finding per line */
        if (panics && !panic_counts(w, k))
            continue;
        const char *detail = NULL;
        if (s3key) {
            if (!tword(w, k, "s3") && !s3_entity_key(w, k))
                continue;
            int d = key_decoded(w, k);
            if (d > 0)
                continue;
            if (d == -1)
                detail = "urlencoding::decode alone leaves '+' (a space in S3 keys) as '+'; "
                         "replace '+' with ' ' first";
            else if (d == -2)
                detail = "replacing '+' alone leaves the %XX escapes; percent-decode the key too";
        }
        if (clients) {
            /* one pitfall per fn: the config load and each client are one finding */
            int32_t fn = w->sc.fn[k];
            size_t g = 0;
            while (g < ngroups && groups[g].fn != fn)
                g++;
            if (g < ngroups && groups[g].finding < w->out.n) {
                struct finding *f = &w->out.v[groups[g].finding];
                char *m = xasprintf("%s%s%d", f->message,
                                    groups[g].n++ == 0 ? " (also at line " : ", ", (int)line + 1);
                free(f->message);
                f->message = m;
                size_t cap = f->nrelated;
                f->related = xgrow(f->related, &cap, f->nrelated + 1, sizeof *f->related);
                f->related[f->nrelated++] = (int)line + 1;
                last_line = line;
                continue;
            }
            if (ngroups < 32)
                groups[ngroups++] = (struct group){fn, w->out.n, 0};
        }
        last_line = line;
        emit(w, r, ms, me, detail);
    }
    for (size_t g = 0; g < ngroups; g++) {
        if (groups[g].n == 0 || groups[g].finding >= w->out.n)
            continue;
        struct finding *f = &w->out.v[groups[g].finding];
        char *m = xasprintf("%s)", f->message);
        free(f->message);
        f->message = m;
    }
    if (panics && w->cgf && w->cgf->nmacros)
        run_panic_macros(w, r, lambda);
}

/* Calls from async code to same-crate sync helpers that sleep or do CPU-heavy work. */
static void emit_sites(struct worker *w, bool lambda)
{
    static const char *const ids[] = {"cpu-in-async", "blocking-sleep"};
    for (int r = 0; r < 2; r++) {
        const struct rule *rule = rules_find(w->rs, ids[r]);
        if (!rule || rule->disabled || !(rule->kinds & RK_RUST) || (rule->lambda_only && !lambda))
            continue;
        for (size_t i = 0; i < w->cgf->nsites; i++) {
            const struct cg_site *st = &w->cgf->sites[i];
            if (!(st->mask & (r == 0 ? CG_CPU : CG_SLEEP)))
                continue;
            size_t k = scope_token_at(&w->sc, st->start);
            if (k < w->sc.n && in_scope_at(w, rule, k, lambda))
                emit(w, rule, st->start, st->end, st->detail);
        }
    }
}

/* The crate's own macros that panic (`macro_rules! fail { ... panic!(...) }`), invoked in
 * handler code. */
static void run_panic_macros(struct worker *w, const struct rule *r, bool lambda)
{
    size_t first = w->out.n;
    for (size_t k = 0; k + 1 < w->sc.n; k++) {
        const struct token *t = &w->sc.t[k];
        if (t->kind != TK_IDENT || !tpunct(w, k + 1, '!') ||
            (k > 0 && tword(w, k - 1, "macro_rules")))
            continue;
        bool ours = false;
        for (size_t m = 0; m < w->cgf->nmacros && !ours; m++)
            ours = strlen(w->cgf->macros[m]) == t->len &&
                   memcmp(w->cgf->macros[m], w->src + t->start, t->len) == 0;
        if (!ours || !in_scope_at(w, r, k, lambda))
            continue;
        int line = (int)line_of(w, t->start) + 1;
        bool dup = false;
        for (size_t i = 0; i < w->out.n && !dup; i++)
            dup = (i >= first || w->out.v[i].rule == r->id) && w->out.v[i].line == line &&
                  strcmp(w->out.v[i].path, w->path) == 0 && w->out.v[i].rule == r->id;
        if (dup)
            continue;
        char *detail = xasprintf("`%.*s!` panics", (int)t->len, w->src + t->start);
        emit(w, r, t->start, (size_t)t->start + t->len + 1, detail);
        free(detail);
    }
}

/* ---- structural checks ---- */

static bool tword(struct worker *w, size_t i, const char *word)
{
    return i < w->sc.n && scope_tok_word(w->src, &w->sc.t[i], word);
}

static bool tpunct(struct worker *w, size_t i, char c)
{
    return i < w->sc.n && tok_is(w->src, &w->sc.t[i], c);
}

/* Awaits on these are sequential by nature (locks, channels, streams, timers, I/O on one
 * handle): never suggest running them concurrently. */
static bool sequential_method(struct worker *w, size_t i)
{
    static const char *const m[] = {
        "sleep",       "sleep_until",    "lock",      "read",      "write",         "read_exact",
        "read_to_end", "read_to_string", "write_all", "flush",     "recv",          "send",
        "send_all",    "next",           "try_next",  "acquire",   "acquire_owned", "tick",
        "changed",     "notified",       "join_next", "join",      "shutdown",      "close",
        "accept",      "wait",           "ready",     "closed",    "readable",      "writable",
        "commit",      "rollback",       "begin",     "execute",   "send_timeout",  "reserve",
        "read_line",   "read_buf",       "write_buf", "sync_all",  "sync_data",     "connect",
        "send_data",   "send_trailers",  "feed",      "start_send"};
    for (size_t j = 0; j < sizeof m / sizeof m[0]; j++)
        if (tword(w, i, m[j]))
            return true;
    return false;
}

/* Is token k the name of something written to in order (a writer, sink, sender, stream)? */
static bool one_writer(struct worker *w, size_t k)
{
    static const char *const ends[] = {"writer", "sink",    "tx",    "sender",
                                       "stream", "encoder", "output"};
    const struct token *t = &w->sc.t[k];
    if (t->kind != TK_IDENT)
        return false;
    for (size_t j = 0; j < sizeof ends / sizeof ends[0]; j++) {
        size_t n = strlen(ends[j]);
        if (t->len >= n && memcmp(w->src + t->start + t->len - n, ends[j], n) == 0)
            return true;
    }
    return false;
}

/* For the `.await` whose '.' is token d: 1 when it awaits a call of an ordinary method or fn,
 * 0 when it awaits a plain future/handle (already running) or a sequential method. */
/* For the `.await` whose '.' is token d, after a call's `)`: the token of that call's `(`, or
 * 0 when there is none (unbalanced, or absurdly long: leave it). */
static size_t awaited_call_open(struct worker *w, size_t d)
{
    if (d == 0 || !tpunct(w, d - 1, ')'))
        return 0;
    return paren_open(w, d - 1, 0);
}

static bool await_is_call(struct worker *w, size_t d)
{
    size_t i = awaited_call_open(w, d);
    if (i == 0)
        return false;
    for (size_t k = i; k + 1 < d; k++)
        if (tpunct(w, k, '&') && tword(w, k + 1, "mut"))
            return false; /* it borrows something mutably: the next call needs it back */
    if (i == 0 || w->sc.t[i - 1].kind != TK_IDENT)
        return true; /* a call through an expression: count it */
    if (w->cgf && cg_quiet(w->cgf, w->sc.t[i - 1].start))
        return false; /* a cached accessor or an async fn that never awaits: no I/O */
    if (i >= 3 && tpunct(w, i - 2, '.') && one_writer(w, i - 3))
        return false; /* feeding one writer, sink or stream: ordered by nature */
    if (i + 2 == d && tword(w, i - 1, "send"))
        return true; /* `.send()` without arguments ends an AWS SDK request, not a channel send */
    return !sequential_method(w, i - 1);
}

/* For the `.await` whose '.' is token d: does it await loading configuration or building a
 * client (`aws_config::load_from_env()`, `load_defaults(..)`, `my_config_from_env(..)`,
 * `Client::new()`)? Set-up reads the environment or the instance's credentials: running two
 * of them concurrently buys nothing (building them per invocation is client-per-invocation's
 * finding). */
static bool setup_await(struct worker *w, size_t d)
{
    size_t i = d < 3 ? 0 : awaited_call_open(w, d);
    if (i == 0 || w->sc.t[i - 1].kind != TK_IDENT)
        return false;
    size_t m = i - 1;
    const struct token *t = &w->sc.t[m];
    if (tword(w, m, "load_from_env") || tword(w, m, "load_defaults") ||
        memmem(w->src + t->start, t->len, "config", 6))
        return true;
    if (tword(w, m, "load") && m >= 2 && tpunct(w, m - 1, '.') && tpunct(w, m - 2, ')'))
        return true; /* aws_config::from_env().region(..).load() */
    return tword(w, m, "new") && m >= 3 && tpunct(w, m - 1, ':') && tpunct(w, m - 2, ':') &&
           w->sc.t[m - 3].kind == TK_IDENT && t->len == 3 && w->sc.t[m - 3].len >= 6 &&
           memmem(w->src + w->sc.t[m - 3].start, w->sc.t[m - 3].len, "Client", 6);
}

/* Is token k (an ident `await`) the `await` of a `.await` that runs in context ctx? */
static bool own_await(struct worker *w, size_t k, int32_t ctx)
{
    return k > 0 && tword(w, k, "await") && tpunct(w, k - 1, '.') && w->sc.ctx[k] == ctx;
}

/* Calls that change something (writes, deletes, messages sent): two of them in a row may
 * depend on their order even when no value flows between them. */
static bool writes(struct worker *w, size_t k)
{
    static const char *const verbs[] = {
        "put",          "delete",     "update",      "insert",      "remove", "create", "write",
        "upsert",       "publish",    "post",        "patch",       "invoke", "set_",   "modify",
        "add_",         "append",     "commit",      "transact",    "start_", "stop_",  "terminate",
        "send_message", "send_email", "copy_object", "batch_write", "execute"};
    const struct token *t = &w->sc.t[k];
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
        size_t n = strlen(verbs[i]);
        if (t->len >= n && memcmp(w->src + t->start, verbs[i], n) == 0)
            return true;
    }
    return false;
}

struct letinfo {
    size_t idx; /* into sc.lets */
    size_t nb;
    size_t binding[MAX_BINDINGS]; /* token indexes */
    size_t root;                  /* first identifier of the initialiser, or SIZE_MAX */
};

static bool same_text(struct worker *w, size_t a, size_t b)
{
    return same_text_tok(w, a, b);
}

static bool stateful_root(struct worker *w, size_t k)
{
    static const char *const parts[] = {"conn",    "tx",   "stream", "rx",       "reader", "writer",
                                        "socket",  "file", "sender", "receiver", "lock",   "guard",
                                        "session", "self", "cursor", "txn"};
    const struct token *t = &w->sc.t[k];
    for (size_t j = 0; j < sizeof parts / sizeof parts[0]; j++)
        if (memmem(w->src + t->start, t->len, parts[j], strlen(parts[j])))
            return true;
    return false;
}

static bool let_eligible(struct worker *w, const struct rule *r, bool lambda, size_t li,
                         struct letinfo *out)
{
    const struct scope_let *L = &w->sc.lets[li];
    if (!in_scope_at(w, r, L->let_tok, lambda))
        return false;
    /* bindings: identifiers of the pattern, before a type annotation */
    out->idx = li;
    out->nb = 0;
    int depth = 0;
    for (size_t k = L->let_tok + 1; k < L->eq; k++) {
        if (tpunct(w, k, '(') || tpunct(w, k, '[') || tpunct(w, k, '{') || tpunct(w, k, '<'))
            depth++;
        else if (tpunct(w, k, ')') || tpunct(w, k, ']') || tpunct(w, k, '}') || tpunct(w, k, '>'))
            depth--;
        if (depth == 0 && tpunct(w, k, ':') && !tpunct(w, k + 1, ':') && !tpunct(w, k - 1, ':'))
            break;
        const struct token *t = &w->sc.t[k];
        if (t->kind != TK_IDENT || tword(w, k, "mut") || tword(w, k, "ref"))
            continue;
        char c = w->src[t->start];
        if (c == '_' || (c >= 'A' && c <= 'Z') || tpunct(w, k + 1, '(') || tpunct(w, k + 1, '{') ||
            tpunct(w, k + 1, ':'))
            continue;
        if (out->nb < MAX_BINDINGS)
            out->binding[out->nb++] = k;
    }
    if (out->nb == 0)
        return false;
    for (size_t k = L->eq + 1; k < L->end; k++)
        if (tword(w, k, "else") && w->sc.ctx[k] == L->ctx && tpunct(w, k + 1, '{'))
            return false; /* let-else: control flow, leave it */
    /* the initialiser awaits a call in this very context, once at least */
    bool awaits = false;
    for (size_t k = L->eq + 1; k < L->end && !awaits; k++)
        if (own_await(w, k, L->ctx) && await_is_call(w, k - 1))
            awaits = true;
    for (size_t k = L->eq + 1; k < L->end; k++)
        if (own_await(w, k, L->ctx) && !await_is_call(w, k - 1))
            return false; /* also awaits a lock, a channel, a handle: sequential on purpose */
    if (!awaits)
        return false;
    for (size_t k = L->eq + 1; k < L->end; k++)
        if (own_await(w, k, L->ctx) && setup_await(w, k - 1))
            return false; /* loading the SDK config, building a client: set-up, not requests */
    for (size_t k = L->eq + 1; k < L->end; k++)
        if (w->sc.t[k].kind == TK_IDENT && tpunct(w, k + 1, '(') && writes(w, k))
            return false; /* a write: its order against the neighbours may matter */
    out->root = SIZE_MAX;
    for (size_t k = L->eq + 1; k < L->end; k++) {
        if (w->sc.t[k].kind == TK_IDENT && !tword(w, k, "mut")) {
            out->root = k;
            break;
        }
        if (!(tpunct(w, k, '&') || tpunct(w, k, '*') || tpunct(w, k, '(')))
            break;
    }
    return true;
}

static bool word_in(const char *s, size_t n, const char *word, size_t wn)
{
    for (const char *p = s; (p = memmem(p, (size_t)(s + n - p), word, wn)) != NULL; p++) {
        bool before = p == s || !(p[-1] == '_' || ((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z') ||
                                  (p[-1] >= '0' && p[-1] <= '9'));
        const char *e = p + wn;
        bool after = e == s + n || !(*e == '_' || ((*e | 32) >= 'a' && (*e | 32) <= 'z') ||
                                     (*e >= '0' && *e <= '9'));
        if (before && after)
            return true;
    }
    return false;
}

/* Does statement b use any binding of a? */
static bool uses(struct worker *w, const struct letinfo *a, const struct letinfo *b)
{
    const struct scope_let *L = &w->sc.lets[b->idx];
    for (size_t k = L->eq + 1; k < L->end; k++) {
        const struct token *t = &w->sc.t[k];
        if (t->kind == TK_IDENT && !tpunct(w, k - 1, '.')) {
            for (size_t j = 0; j < a->nb; j++)
                if (same_text(w, k, a->binding[j]))
                    return true;
        } else if (t->kind == TK_STRING) {
            for (size_t j = 0; j < a->nb; j++) {
                const struct token *bt = &w->sc.t[a->binding[j]];
                if (word_in(w->src + t->start, t->len, w->src + bt->start, bt->len))
                    return true;
            }
        }
    }
    return false;
}

static int cmp_let(const void *x, const void *y, void *ud)
{
    const struct scope_let *lets = ud;
    const struct scope_let *a = &lets[*(const size_t *)x], *b = &lets[*(const size_t *)y];
    if (a->frame != b->frame)
        return a->frame < b->frame ? -1 : 1;
    return a->let_tok < b->let_tok ? -1 : a->let_tok > b->let_tok;
}

static void flush_group(struct worker *w, const struct rule *r, struct letinfo *g, size_t n)
{
    if (n < 2)
        return;
    struct strbuf_lite {
        char s[256];
        size_t len;
    } names = {{0}, 0};
    for (size_t i = 0; i < n && names.len < 200; i++) {
        const struct token *t = &w->sc.t[g[i].binding[0]];
        int wrote = snprintf(names.s + names.len, sizeof names.s - names.len, "%s`%.*s`",
                             i == 0       ? ""
                             : i + 1 == n ? " and "
                                          : ", ",
                             (int)t->len, w->src + t->start);
        if (wrote > 0)
            names.len += (size_t)wrote;
    }
    char *detail = xasprintf("%s could be awaited together", names.s);
    const struct scope_let *first = &w->sc.lets[g[0].idx], *last = &w->sc.lets[g[n - 1].idx];
    const struct token *a = &w->sc.t[first->let_tok], *b = &w->sc.t[last->end];
    emit(w, r, a->start, (size_t)b->start + b->len, detail);
    free(detail);
}

static void check_sequential(struct worker *w, const struct rule *r, bool lambda)
{
    size_t n = w->sc.nlets;
    if (n < 2)
        return;
    size_t *order = xmalloc(n * sizeof *order);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    qsort_r(order, n, sizeof *order, cmp_let, w->sc.lets);
    struct letinfo group[16];
    size_t ng = 0;
    for (size_t oi = 0; oi < n; oi++) {
        struct letinfo cur;
        if (!let_eligible(w, r, lambda, order[oi], &cur)) {
            flush_group(w, r, group, ng);
            ng = 0;
            continue;
        }
        bool joins = ng > 0 && ng < 16;
        if (joins) {
            const struct scope_let *prev = &w->sc.lets[group[ng - 1].idx];
            const struct scope_let *L = &w->sc.lets[cur.idx];
            joins = prev->frame == L->frame && L->let_tok == prev->end + 1;
            for (size_t j = 0; joins && j < ng; j++) {
                if (uses(w, &group[j], &cur))
                    joins = false;
                else if (cur.root != SIZE_MAX && group[j].root != SIZE_MAX &&
                         same_text(w, cur.root, group[j].root) && stateful_root(w, cur.root))
                    joins = false;
            }
        }
        if (!joins) {
            flush_group(w, r, group, ng);
            ng = 0;
        }
        group[ng++] = cur;
    }
    flush_group(w, r, group, ng);
    free(order);
}

/* Does the loop carry a page token from one request to the next (pagination: each request
 * needs the previous response)? */
static bool paginates(struct worker *w, const struct scope_loop *L)
{
    static const char *const words[] = {"exclusive_start_key",
                                        "set_exclusive_start_key",
                                        "last_evaluated_key",
                                        "continuation_token",
                                        "set_continuation_token",
                                        "next_continuation_token",
                                        "next_token",
                                        "set_next_token",
                                        "next_marker",
                                        "set_marker",
                                        "page_token",
                                        "next_page_token",
                                        "starting_token",
                                        "set_starting_token",
                                        "next_cursor",
                                        "cursor",
                                        "marker",
                                        "start_after",
                                        "set_start_after",
                                        "pagination_token",
                                        "next_page"};
    for (size_t k = L->kw; k <= L->close && k < w->sc.n; k++) {
        if (w->sc.t[k].kind != TK_IDENT)
            continue;
        for (size_t j = 0; j < sizeof words / sizeof words[0]; j++)
            if (tword(w, k, words[j]))
                return true;
    }
    return false;
}

/* Elements of the array literal whose '[' is token o, or SIZE_MAX when it is not one. */
static size_t array_len(struct worker *w, size_t o)
{
    if (!tpunct(w, o, '['))
        return SIZE_MAX;
    size_t n = 1, depth = 0;
    for (size_t j = o; j < w->sc.n; j++) {
        if (tpunct(w, j, '[') || tpunct(w, j, '(') || tpunct(w, j, '{'))
            depth++;
        else if (tpunct(w, j, ']') || tpunct(w, j, ')') || tpunct(w, j, '}')) {
            if (--depth == 0)
                return tpunct(w, j - 1, '[') ? 0 : n;
        } else if (depth == 1 && tpunct(w, j, ',') && !tpunct(w, j + 1, ']'))
            n++;
    }
    return SIZE_MAX;
}

/* `Kind::iter()` (strum's EnumIter): the variants of an enum, a fixed handful. */
static bool enum_variants(struct worker *w, size_t o)
{
    while (w->sc.t[o].kind == TK_IDENT && !upper_tok(w, o) && tpunct(w, o + 1, ':') &&
           tpunct(w, o + 2, ':'))
        o += 3; /* a module path: `input::Language::iter()` */
    return upper_tok(w, o) && tpunct(w, o + 1, ':') && tpunct(w, o + 2, ':') &&
           tword(w, o + 3, "iter") && tpunct(w, o + 4, '(') && tpunct(w, o + 5, ')');
}

/* `if c { &[a, b] } else { &[a, b, c] }`: every branch a short array literal. */
static bool fixed_branches(struct worker *w, size_t o)
{
    if (!tword(w, o, "if"))
        return false;
    size_t j = o + 1, branches = 0;
    while (j < w->sc.n && !tpunct(w, j, '{') && !tpunct(w, j, ';'))
        j++;
    while (j < w->sc.n && tpunct(w, j, '{')) {
        size_t x = j + 1 + (tpunct(w, j + 1, '&') ? 1 : 0);
        size_t n = array_len(w, x);
        if (n > 4)
            return false;
        int depth = 0;
        size_t q = x;
        for (; q < w->sc.n; q++) {
            if (tpunct(w, q, '['))
                depth++;
            else if (tpunct(w, q, ']') && --depth == 0)
                break;
        }
        if (!tpunct(w, q + 1, '}'))
            return false;
        branches++;
        j = q + 2;
        if (!tword(w, j, "else"))
            break;
        j++;
        if (tword(w, j, "if"))
            while (j < w->sc.n && !tpunct(w, j, '{') && !tpunct(w, j, ';'))
                j++;
    }
    return branches >= 2;
}

/* A loop over a handful of fixed items (`for lang in [En, Ja]`, or a variable bound to such an
 * array or vec! in the fn): nothing worth running concurrently. */
static bool few_items(struct worker *w, const struct scope_loop *L)
{
    if (L->kind != LOOP_FOR)
        return false;
    size_t j = L->kw + 1;
    while (j < L->open && !tword(w, j, "in"))
        j++;
    if (++j >= L->open)
        return false;
    if (tpunct(w, j, '&'))
        j++;
    if (array_len(w, j) <= 4 || enum_variants(w, j))
        return true;
    if (w->sc.t[j].kind != TK_IDENT || w->sc.fn[j] < 0)
        return false;
    for (size_t q = w->sc.fns[w->sc.fn[j]].open; q + 3 < L->kw; q++) {
        if (!tword(w, q, "let"))
            continue;
        size_t b = q + 1 + (tword(w, q + 1, "mut") ? 1 : 0);
        if (!same_text_tok(w, b, j))
            continue;
        size_t e = b + 1;
        while (e < L->kw && !tpunct(w, e, '=') && !tpunct(w, e, ';'))
            e++;
        if (!tpunct(w, e, '='))
            continue;
        size_t o = e + 1;
        if (tword(w, o, "vec") && tpunct(w, o + 1, '!'))
            o += 2;
        if (array_len(w, o) <= 4 || enum_variants(w, o) || fixed_branches(w, o))
            return true;
    }
    return false;
}

/* A polling or waiting loop: it sleeps between rounds, or runs until a deadline. */
static bool polls(struct worker *w, const struct scope_loop *L)
{
    for (size_t j = L->kw; j < L->close && j < w->sc.n; j++)
        if ((tword(w, j, "sleep") && tpunct(w, j + 1, '(')) || tword(w, j, "elapsed") ||
            tword(w, j, "interval") || tword(w, j, "tick"))
            return true;
    return false;
}

/* A loop over the records of an S3 notification: S3 sends one record per event. */
static bool s3_records(struct worker *w, const struct scope_loop *L, size_t k)
{
    bool records = false;
    for (size_t j = L->kw; j < L->open; j++)
        if (tword(w, j, "records") || tword(w, j, "Records"))
            records = true;
    int32_t fi = w->sc.fn[k];
    if (!records || fi < 0)
        return false;
    const struct scope_fn *fn = &w->sc.fns[fi];
    for (size_t j = fn->name; j < fn->open; j++)
        if (tword(w, j, "S3Event"))
            return true;
    return false;
}

static bool names_sqlite(struct worker *w, size_t a, size_t b)
{
    for (size_t j = a; j < b && j < w->sc.n; j++) {
        const struct token *t = &w->sc.t[j];
        if (t->kind == TK_IDENT && t->len >= 6 &&
            (memmem(w->src + t->start, t->len, "Sqlite", 6) ||
             memmem(w->src + t->start, t->len, "sqlite", 6)))
            return true;
    }
    return false;
}

/* A loop writing to one SQLite database: SQLite runs one writer at a time, so the awaits are
 * sequential whatever the code does. The body names SQLite, or an awaited same-file fn takes
 * a SQLite pool or connection. */
static bool sqlite_writes(struct worker *w, const struct scope_loop *L)
{
    if (names_sqlite(w, L->open, L->close))
        return true;
    for (size_t j = L->open; j + 1 < L->close; j++) {
        if (w->sc.t[j].kind != TK_IDENT || !tpunct(w, j + 1, '(') || tpunct(w, j - 1, '.'))
            continue;
        for (size_t h = 0; h < w->sc.nfns; h++) {
            const struct scope_fn *f = &w->sc.fns[h];
            if (same_text_tok(w, f->name, j) && names_sqlite(w, f->name, f->open))
                return true;
        }
    }
    return false;
}

static void check_await_loops(struct worker *w, const struct rule *r, bool lambda)
{
    if (w->sc.nloops == 0)
        return;
    /* one pass over the tokens: each await counts for its innermost loop only */
    uint8_t *done = xcalloc(w->sc.nloops, 1);
    for (size_t k = 1; k < w->sc.n; k++) {
        int32_t li = w->sc.loop[k];
        if (li < 0 || done[li] || !tword(w, k, "await") || !tpunct(w, k - 1, '.'))
            continue;
        const struct scope_loop *L = &w->sc.loops[li];
        if (L->kind == LOOP_LOOP || L->head_awaits || L->retry_range || L->exits || L->close == 0)
            continue;
        if (k <= L->open || k >= L->close || w->sc.ctx[k] != w->sc.ctx[L->open + 1])
            continue;
        if (!await_is_call(w, k - 1) || !in_scope_at(w, r, k, lambda))
            continue;
        done[li] = 1;
        if (paginates(w, L) || s3_records(w, L, k) || few_items(w, L) || polls(w, L) ||
            sqlite_writes(w, L))
            continue;
        const struct token *kw = &w->sc.t[L->kw];
        char *detail =
            xasprintf("this loop awaits at line %d", (int)line_of(w, w->sc.t[k].start) + 1);
        emit(w, r, kw->start, (size_t)kw->start + kw->len, detail);
        free(detail);
    }
    free(done);
}

/* ---- suppressions ---- */

/* main_line: the line of this file's `fn main` (0: none), where the crate-level rules
 * (no-tests, no-tracing) report; suppressions of those there are recorded in *allowed (bit 0
 * no-tests, bit 1 no-tracing) for the crate stage to honour. */
static void apply_suppressions(struct worker *w, size_t first, int main_line, unsigned *allowed)
{
    struct supp *sp = NULL;
    size_t nsp = 0, cap = 0;
    for (size_t i = 0; i < w->lx.ntok; i++) {
        const struct token *t = &w->lx.tok[i];
        if (t->kind != TK_COMMENT)
            continue;
        struct supp s;
        int rc = supp_parse(w->src + t->start, t->len, &s);
        if (rc == 0)
            continue;
        s.line = (int)line_of(w, t->start) + 1;
        s.start = t->start;
        s.end = (size_t)t->start + t->len;
        if (rc < 0) {
            size_t li = (size_t)s.line - 1;
            const char *ls;
            size_t ln;
            line_text(w, li, &ls, &ln);
            fvec_add(&w->out, NULL, SCAN_RULE_SUPPRESSION, SEV_NOTE, w->path, s.line,
                     (int)(s.start - w->lines[li]) + 1, s.line, (int)(s.end - w->lines[li]) + 1,
                     "malformed suppression, ignored: the form is "
                     "`// lambda-advisor: allow(rule-id)` or `allow-file(rule-id)`",
                     ls, ln);
            continue;
        }
        sp = xgrow(sp, &cap, nsp + 1, sizeof *sp);
        sp[nsp++] = s;
    }
    /* drop suppressed findings (from this file's pass only) */
    size_t keep = first;
    size_t end = w->out.n;
    for (size_t i = first; i < end; i++) {
        struct finding *f = &w->out.v[i];
        bool hit = false;
        for (size_t k = 0; k < nsp && !hit; k++) {
            if (!sp[k].file && f->line != sp[k].line && f->line != sp[k].line + 1)
                continue;
            for (int j = 0; j < sp[k].nids; j++) {
                if (strcmp(sp[k].ids[j], f->rule) == 0 &&
                    strcmp(f->rule, SCAN_RULE_SUPPRESSION) != 0) {
                    sp[k].used[j] = true;
                    hit = true;
                }
            }
        }
        if (hit) {
            finding_clear(f);
        } else {
            w->out.v[keep++] = *f;
        }
    }
    w->out.n = keep;
    for (size_t k = 0; k < nsp; k++) {
        for (int j = 0; j < sp[k].nids; j++) {
            const struct rule *r = rules_find(w->rs, sp[k].ids[j]);
            bool crate_rule = r && (r->check == RC_NO_TESTS || r->check == RC_NO_TRACING);
            if (crate_rule && main_line > 0 &&
                (sp[k].file || main_line == sp[k].line || main_line == sp[k].line + 1)) {
                *allowed |= r->check == RC_NO_TESTS ? 1u : 2u;
                sp[k].used[j] = true; /* whether it silences anything is known later */
            }
            if (sp[k].used[j])
                continue;
            if (r && r->disabled)
                continue;
            char *msg = r ? xasprintf("this suppression of %s silences nothing", sp[k].ids[j])
                          : xasprintf("unknown rule id '%s' in a suppression", sp[k].ids[j]);
            size_t li = (size_t)sp[k].line - 1;
            const char *ls;
            size_t ln;
            line_text(w, li, &ls, &ln);
            fvec_add(&w->out, NULL, SCAN_RULE_SUPPRESSION, SEV_NOTE, w->path, sp[k].line,
                     (int)(sp[k].start - w->lines[li]) + 1, sp[k].line,
                     (int)(sp[k].end - w->lines[li]) + 1, msg, ls, ln);
            free(msg);
        }
    }
    free(sp);
}

/* ---- the file ---- */

void scan_rust(struct worker *w, const char *path, const char *src, size_t len, bool lambda,
               uint16_t base_flags, bool want_facts, struct file_facts *facts)
{
    w->src = src;
    w->len = len;
    w->path = path;
    w->lines_ready = false;
    rules_file_begin();
    memset(w->found, 0, w->nlits);
    const struct ruleset *rs = w->rs;
    /* which rules can fire here at all: crate, prefilter, then the pattern on the raw text */
    const struct rule **todo = xmalloc((rs->n + 1) * sizeof *todo); /* all of them can run */
    size_t ntodo = 0;
    /* async-only rules need an `async` somewhere, and .await needs one too */
    bool async_code = has_lit(w, LIT_ASYNC);
    bool awaits = async_code && has_lit(w, LIT_AWAIT);
    /* the graph (built with this worker's lexer on first use) before lexing this file; a
     * member of a workspace with a Lambda crate gets one too, and the per-invocation rules
     * (clients, runtimes) then apply to what a handler reaches in it. Panics in such library
     * code were mostly invariants on the real corpus: unwrap-in-handler stays with Lambda
     * crates. */
    w->cgf = lambda || async_code ? cg_lookup(w, path, lambda) : NULL;
    for (size_t i = 0; i < rs->n; i++) {
        const struct rule *r = &rs->v[i];
        if (r->disabled || !(r->kinds & RK_RUST) ||
            (r->lambda_only && !lambda && !(w->cgf && r->scope == RS_HANDLER)))
            continue;
        if ((r->scope == RS_ASYNC && !async_code) ||
            (r->scope == RS_ASYNC_OR_LAMBDA && !async_code && !lambda))
            continue;
        if (r->check == RC_SEQUENTIAL_AWAITS || r->check == RC_AWAIT_IN_LOOP) {
            if (awaits)
                todo[ntodo++] = r;
            continue;
        }
        if (r->check != RC_PATTERN || !prefilter_pass(w, i))
            continue;
        size_t ms, me;
        if (!re_find(w, r->re, src, len, 0, &ms, &me))
            continue;
        if (r->unless_re && re_find(w, r->unless_re, src, len, 0, &ms, &me))
            continue;
        todo[ntodo++] = r;
    }
    bool mentions_us = has_lit(w, LIT_US);
    if (ntodo == 0 && !want_facts && !mentions_us && !(w->cgf && w->cgf->nsites)) {
        free(todo);
        return;
    }
    lexer_run(src, len, &w->lx);
    scope_run(src, &w->lx, base_flags, &w->sc);
    if (w->cgf) {
        w->reach = xgrow(w->reach, &w->capreach, w->sc.nfns + 1, 1);
        for (size_t i = 0; i < w->sc.nfns; i++)
            w->reach[i] = cg_reached(w->cgf, w->sc.t[w->sc.fns[i].name].start);
    }
    size_t first = w->out.n;
    if (w->cgf)
        emit_sites(w, lambda);
    for (size_t i = 0; i < ntodo; i++) {
        const struct rule *r = todo[i];
        if (r->check == RC_PATTERN)
            run_pattern(w, r, lambda);
        else if (r->check == RC_SEQUENTIAL_AWAITS)
            check_sequential(w, r, lambda);
        else if (r->check == RC_AWAIT_IN_LOOP)
            check_await_loops(w, r, lambda);
    }
    free(todo);
    int main_line = 0;
    if (w->sc.main_tok >= 0)
        main_line = (int)line_of(w, w->sc.t[w->sc.main_tok].start) + 1;
    unsigned allowed = 0;
    if (mentions_us)
        apply_suppressions(w, first, main_line, &allowed);
    if (want_facts) {
        facts->allowed = allowed;
        facts->has_test = w->sc.has_test || (base_flags & SF_TEST);
        size_t ms, me;
        facts->has_tracing = re_find(w, w->tracing_re, w->lx.code, w->lx.len, 0, &ms, &me);
        facts->main_line = facts->main_col = 0;
        if (w->sc.main_tok >= 0) {
            size_t off = w->sc.t[w->sc.main_tok].start;
            size_t li = line_of(w, off);
            facts->main_line = (int)li + 1;
            facts->main_col = (int)(off - w->lines[li]) + 1;
        }
    }
}

/* ---- config files (user pattern rules with kinds cargo / deploy) ---- */

void scan_config_text(struct worker *w, const char *path, const char *src, size_t len,
                      unsigned kind)
{
    w->src = src;
    w->len = len;
    w->path = path;
    w->lines_ready = false;
    rules_file_begin();
    /* a copy with `#` comments blanked: TOML and YAML both comment with '#' outside quotes */
    w->lx.code = xgrow(w->lx.code, &w->lx.capcode, len + SUBJECT_PAD, 1);
    char *code = w->lx.code;
    memcpy(code, src, len);
    memset(code + len, 0, SUBJECT_PAD); /* see SUBJECT_PAD */
    char quote = 0;
    for (size_t i = 0; i < len; i++) {
        char c = code[i];
        if (c == '\n') {
            quote = 0;
        } else if (quote) {
            if (c == '\\' && quote == '"' && i + 1 < len && code[i + 1] != '\n')
                i++;
            else if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#' &&
                   (i == 0 || code[i - 1] == ' ' || code[i - 1] == '\t' || code[i - 1] == '\n')) {
            while (i < len && code[i] != '\n')
                code[i++] = ' ';
            i--;
        }
    }
    for (size_t i = 0; i < w->rs->n; i++) {
        const struct rule *r = &w->rs->v[i];
        if (r->disabled || r->check != RC_PATTERN || !(r->kinds & kind))
            continue;
        size_t from = 0, ms, me;
        if (r->unless_re && re_find(w, r->unless_re, src, len, 0, &ms, &me))
            continue;
        while (from <= len && re_find(w, r->re, code, len, from, &ms, &me)) {
            from = me > ms ? me : ms + 1;
            emit(w, r, ms, me, NULL);
        }
    }
}
