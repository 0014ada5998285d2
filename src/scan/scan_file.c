/* One Rust file: prefilter, lex, scopes, each rule as its own pass, structural checks,
 * suppression comments. */
#include "lambda_advisor/xalloc.h"
#include "scan_int.h"

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
    fvec_finish(&w->out);
}

void fvec_finish(struct fvec *fv)
{
    for (size_t i = 0; i < fv->n; i++) {
        free(fv->v[i].path);
        free(fv->v[i].message);
        free(fv->v[i].fix);
        free(fv->v[i].snippet);
    }
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

static bool in_scope(const struct rule *r, uint16_t f, bool lambda)
{
    if (f & SF_TEST)
        return false;
    bool not_main = (f & (SF_IN_FN | SF_ASYNC)) && !(f & (SF_MAIN | SF_INIT));
    switch (r->scope) {
    case RS_CODE:
        return true;
    case RS_ASYNC:
        return async_scope(f);
    case RS_NOT_MAIN: /* a fn that builds a client or Self runs at start-up as often as not */
    case RS_HANDLER:
        return not_main && !(f & SF_FACTORY);
    case RS_ASYNC_OR_LAMBDA:
        return async_scope(f) || lambda;
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

static void run_pattern(struct worker *w, const struct rule *r, bool lambda)
{
    const char *code = w->lx.code;
    size_t len = w->lx.len, from = 0, ms, me;
    while (from <= len && re_find(w, r->re, code, len, from, &ms, &me)) {
        from = me > ms ? me : ms + 1;
        size_t k = scope_token_at(&w->sc, ms);
        if (k >= w->sc.n)
            continue;
        if (!in_scope(r, w->sc.flags[k], lambda))
            continue;
        if (r->not_awaited && awaited_after(code, len, me))
            continue;
        emit(w, r, ms, me, NULL);
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
        "sleep",       "sleep_until",    "lock",      "read",     "write",         "read_exact",
        "read_to_end", "read_to_string", "write_all", "flush",    "recv",          "send",
        "send_all",    "next",           "try_next",  "acquire",  "acquire_owned", "tick",
        "changed",     "notified",       "join_next", "join",     "shutdown",      "close",
        "accept",      "wait",           "ready",     "closed",   "readable",      "writable",
        "commit",      "rollback",       "begin",     "execute",  "send_timeout",  "reserve",
        "read_line",   "read_buf",       "write_buf", "sync_all", "sync_data",     "connect"};
    for (size_t j = 0; j < sizeof m / sizeof m[0]; j++)
        if (tword(w, i, m[j]))
            return true;
    return false;
}

/* For the `.await` whose '.' is token d: 1 when it awaits a call of an ordinary method or fn,
 * 0 when it awaits a plain future/handle (already running) or a sequential method. */
static bool await_is_call(struct worker *w, size_t d)
{
    if (d == 0 || !tpunct(w, d - 1, ')'))
        return false;
    int depth = 0;
    size_t i = d - 1, steps = 0;
    for (;; i--) {
        if (tpunct(w, i, ')'))
            depth++;
        else if (tpunct(w, i, '(') && --depth == 0)
            break;
        if (i == 0 || ++steps > 20000)
            return false; /* unbalanced, or absurdly long: leave it */
    }
    for (size_t k = i; k + 1 < d; k++)
        if (tpunct(w, k, '&') && tword(w, k + 1, "mut"))
            return false; /* it borrows something mutably: the next call needs it back */
    if (i == 0 || w->sc.t[i - 1].kind != TK_IDENT)
        return true; /* a call through an expression: count it */
    if (i + 2 == d && tword(w, i - 1, "send"))
        return true; /* `.send()` without arguments ends an AWS SDK request, not a channel send */
    return !sequential_method(w, i - 1);
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
    const struct token *x = &w->sc.t[a], *y = &w->sc.t[b];
    return x->len == y->len && memcmp(w->src + x->start, w->src + y->start, x->len) == 0;
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
    if (!in_scope(r, w->sc.flags[L->let_tok], lambda))
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
        if (!await_is_call(w, k - 1) || !in_scope(r, w->sc.flags[k], lambda))
            continue;
        done[li] = 1;
        const struct token *kw = &w->sc.t[L->kw];
        char *detail =
            xasprintf("this loop awaits at line %d", (int)line_of(w, w->sc.t[k].start) + 1);
        emit(w, r, kw->start, (size_t)kw->start + kw->len, detail);
        free(detail);
    }
    free(done);
}

/* ---- suppressions ---- */

struct supp {
    int line; /* 1-based line of the comment */
    bool file;
    char ids[8][64];
    bool used[8];
    int nids;
    size_t start, end; /* the comment */
};

static bool id_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

/* `// lambda-advisor: allow(id, id)` or `allow-file(...)`, optionally followed by `-- why`.
 * Returns 1 when valid, 0 when the comment is not about us, -1 when it is malformed. */
static int parse_supp(const char *s, size_t n, struct supp *sp)
{
    const char *e = s + n;
    if (n < 2 || s[0] != '/' || s[1] != '/')
        return 0;
    const char *p = s + 2;
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    static const char tag[] = "lambda-advisor:";
    if ((size_t)(e - p) < sizeof tag - 1 || memcmp(p, tag, sizeof tag - 1) != 0)
        return 0;
    p += sizeof tag - 1;
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    if ((size_t)(e - p) >= 11 && memcmp(p, "allow-file(", 11) == 0) {
        sp->file = true;
        p += 11;
    } else if ((size_t)(e - p) >= 6 && memcmp(p, "allow(", 6) == 0) {
        sp->file = false;
        p += 6;
    } else {
        return -1;
    }
    sp->nids = 0;
    for (;;) {
        while (p < e && *p == ' ')
            p++;
        const char *id = p;
        while (p < e && id_char(*p))
            p++;
        size_t idn = (size_t)(p - id);
        if (idn == 0 || idn >= sizeof sp->ids[0] || sp->nids == 8)
            return -1;
        memcpy(sp->ids[sp->nids], id, idn);
        sp->ids[sp->nids][idn] = '\0';
        sp->used[sp->nids++] = false;
        while (p < e && *p == ' ')
            p++;
        if (p < e && *p == ',') {
            p++;
            continue;
        }
        if (p < e && *p == ')') {
            p++;
            break;
        }
        return -1;
    }
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\r'))
        p++;
    if (p == e)
        return 1;
    if ((size_t)(e - p) >= 2 && p[0] == '-' && p[1] == '-')
        return 1;
    return -1;
}

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
        int rc = parse_supp(w->src + t->start, t->len, &s);
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
            free(f->path);
            free(f->message);
            free(f->fix);
            free(f->snippet);
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
    for (size_t i = 0; i < rs->n; i++) {
        const struct rule *r = &rs->v[i];
        if (r->disabled || !(r->kinds & RK_RUST) || (r->lambda_only && !lambda))
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
    if (ntodo == 0 && !want_facts && !mentions_us) {
        free(todo);
        return;
    }
    lexer_run(src, len, &w->lx);
    scope_run(src, &w->lx, base_flags, &w->sc);
    size_t first = w->out.n;
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
