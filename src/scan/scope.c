/* Scopes: one pass over the significant tokens with a stack of open brackets. */
#include "lambda_advisor/scope.h"
#include "lambda_advisor/xalloc.h"

#include <stdlib.h>
#include <string.h>

enum { ATTR_TEST = 1, ATTR_CFG_TEST = 2, ATTR_MAIN = 4 };

struct frame {
    char close; /* '}', ')', ']', or ';' for a static/const initialiser */
    uint16_t flags;
    int32_t loop, ctx, id;
    int32_t open_let; /* index of a `let` statement still open in this block, or -1 */
    bool loop_body;   /* this brace is the body of loops[loop] */
    int32_t fn;       /* this brace is the body of fns[fn], or -1 */
    int32_t cur_fn;   /* the innermost fn item holding this frame, or -1 */
    int32_t impl_ty;  /* the type token of the innermost impl block, or -1 */
};

struct fnpend {
    bool active, is_async, is_main, is_test;
    size_t depth;
    size_t name; /* token index of the name */
};

struct state {
    const char *src;
    struct scoped *s;
    struct frame *st;
    size_t nst, capst;
    int32_t next_ctx, next_frame;
    /* pending item properties, each for the bracket depth where it was seen */
    unsigned attrs;
    size_t attrs_depth;
    struct fnpend fn;
    bool async_next_fn;
    bool async_block;
    size_t async_depth;
    int32_t loop_pending; /* -1 none */
    uint16_t base;        /* the file's own flags (build.rs is all start-up code) */
    long budget;          /* token steps left for look-aheads, so hostile input stays linear */
    size_t loop_depth;
    int32_t impl_pending; /* the type token of an `impl ... {` whose brace is still to come */
    size_t impl_depth;
};

bool scope_tok_word(const char *src, const struct token *t, const char *word)
{
    size_t n = strlen(word);
    return t->kind == TK_IDENT && t->len == n && memcmp(src + t->start, word, n) == 0;
}

static bool wordn(struct state *S, size_t i, const char *w, size_t n)
{
    if (i >= S->s->n)
        return false;
    const struct token *t = &S->s->t[i];
    return t->len == n && t->kind == TK_IDENT && memcmp(S->src + t->start, w, n) == 0;
}

#define word(S, i, w) wordn(S, i, w, sizeof(w) - 1)

static bool punct(struct state *S, size_t i, char c)
{
    return i < S->s->n && tok_is(S->src, &S->s->t[i], c);
}

static bool ident(struct state *S, size_t i)
{
    return i < S->s->n && S->s->t[i].kind == TK_IDENT;
}

static struct frame *top(struct state *S)
{
    return &S->st[S->nst - 1];
}

static void push_frame(struct state *S, char close, uint16_t flags, int32_t loop, int32_t ctx)
{
    S->st = xgrow(S->st, &S->capst, S->nst + 1, sizeof *S->st);
    int32_t cur_fn = S->nst ? S->st[S->nst - 1].cur_fn : -1;
    int32_t impl_ty = S->nst ? S->st[S->nst - 1].impl_ty : -1;
    S->st[S->nst++] =
        (struct frame){close, flags, loop, ctx, S->next_frame++, -1, false, -1, cur_fn, impl_ty};
}

/* Reads the attribute whose '#' is at i; returns the index of its closing ']' (or the last
 * token) and ORs what it says into *attrs. inner: `#![...]`. */
static size_t read_attr(struct state *S, size_t i, unsigned *attrs, bool *inner)
{
    size_t j = i + 1;
    *inner = false;
    if (punct(S, j, '!')) {
        *inner = true;
        j++;
    }
    if (!punct(S, j, '['))
        return i;
    size_t open = j, depth = 0, end = S->s->n - 1;
    bool has_test = false, has_not = false, is_cfg = word(S, open + 1, "cfg");
    for (j = open; j < S->s->n; j++) {
        if (punct(S, j, '[') || punct(S, j, '('))
            depth++;
        else if (punct(S, j, ']') || punct(S, j, ')')) {
            if (--depth == 0) {
                end = j;
                break;
            }
        }
        if (word(S, j, "test"))
            has_test = true;
        if (word(S, j, "not"))
            has_not = true;
    }
    /* the attribute's path: idents joined by "::" right after '[' */
    size_t p = open + 1, last = p;
    while (ident(S, p)) {
        last = p;
        if (punct(S, p + 1, ':') && punct(S, p + 2, ':'))
            p += 3;
        else
            break;
    }
    if (is_cfg) {
        if (has_test && !has_not)
            *attrs |= ATTR_CFG_TEST;
    } else if (word(S, last, "test") || word(S, last, "rstest") || word(S, last, "test_case") ||
               word(S, last, "quickcheck") || word(S, last, "proptest")) {
        *attrs |= ATTR_TEST;
    } else if (word(S, last, "main") && last > open + 1) {
        *attrs |= ATTR_MAIN;
    }
    return end;
}

/* `run(|| ...).await` or `run(move || ...).await`: a plain closure handed to a call whose
 * result is awaited runs elsewhere (a blocking pool: tokio's asyncify, blocking::unblock). */
static bool closure_then_await(struct state *S, size_t i)
{
    size_t j = i + 1;
    if (word(S, j, "move"))
        j++;
    if (!punct(S, j, '|'))
        return false;
    size_t depth = 0;
    for (j = i; j < S->s->n && S->budget-- > 0; j++) {
        if (punct(S, j, '(') || punct(S, j, '[') || punct(S, j, '{'))
            depth++;
        else if ((punct(S, j, ')') || punct(S, j, ']') || punct(S, j, '}')) && --depth == 0)
            return punct(S, j + 1, '.') && word(S, j + 2, "await");
    }
    return false;
}

/* Is the '(' at i the argument list of a call whose closure runs off the async threads (1),
 * once at start-up (2), or neither (0)? */
static int call_kind(struct state *S, size_t i)
{
    if (i >= 2 && punct(S, i - 1, '!') && word(S, i - 2, "routes"))
        return 3; /* utoipa-axum's routes!(handler, ...) */
    if (i == 0 || !ident(S, i - 1))
        return 0;
    size_t f = i - 1;
    if (word(S, f, "spawn_blocking") || word(S, f, "block_in_place") || word(S, f, "asyncify") ||
        word(S, f, "unblock"))
        return 1;
    if (word(S, f, "get_or_init") || word(S, f, "get_or_try_init") || word(S, f, "call_once") ||
        word(S, f, "call_once_force"))
        return 2; /* before the closure test: `cell.get_or_init(|| async {..}).await` */
    if (closure_then_await(S, i))
        return 1;
    bool path = f >= 3 && punct(S, f - 1, ':') && punct(S, f - 2, ':');
    if ((word(S, f, "spawn") || word(S, f, "scope")) && path &&
        (word(S, f - 3, "thread") || word(S, f - 3, "rayon")))
        return 1;
    if (word(S, f, "get_or_init") || word(S, f, "get_or_try_init") || word(S, f, "call_once") ||
        word(S, f, "call_once_force"))
        return 2;
    if (word(S, f, "new") && path &&
        (word(S, f - 3, "Lazy") || word(S, f - 3, "LazyLock") || word(S, f - 3, "LazyCell")))
        return 2;
    /* what the Lambda runtime or an HTTP router calls on every request */
    if (word(S, f, "service_fn") || word(S, f, "handler_fn") ||
        (word(S, f, "route") && f > 0 && punct(S, f - 1, '.')) ||
        (word(S, f, "run") && path &&
         (word(S, f - 3, "lambda_runtime") || word(S, f - 3, "lambda_http"))))
        return 3;
    return 0;
}

/* Could a loop keyword at i start an expression (and not be `impl X for Y`)? */
static bool expr_start(struct state *S, size_t i)
{
    if (i == 0)
        return true;
    const struct token *p = &S->s->t[i - 1];
    if (p->kind == TK_LIFETIME)
        return false;
    if (p->kind != TK_PUNCT)
        return word(S, i - 1, "return");
    char c = S->src[p->start];
    if (c == ':') /* a label 'outer: loop, but not a path */
        return i >= 2 && S->s->t[i - 2].kind == TK_LIFETIME;
    if (c == '>') /* `=>`, not the end of generics as in `impl<T> X<T> for Y` */
        return i >= 2 && punct(S, i - 2, '=') && S->s->t[i - 2].start + 1 == p->start;
    return strchr("{};=(,", c) != NULL;
}

static void open_brace(struct state *S, size_t i)
{
    size_t depth = S->nst;
    struct frame *o = top(S);
    uint16_t flags = o->flags;
    int32_t loop = o->loop, ctx = o->ctx;
    bool is_fn = false;
    if (S->fn.active && S->fn.depth == depth) {
        is_fn = true;
        flags &= (uint16_t)(SF_TEST | SF_INIT);
        flags |= (uint16_t)(S->base & (SF_TEST | SF_MAIN));
        flags |= SF_IN_FN;
        if (S->fn.is_async)
            flags |= SF_ASYNC;
        if (S->fn.is_main)
            flags |= SF_MAIN;
        if (S->fn.is_test)
            flags |= SF_TEST;
        loop = -1;
        ctx = S->next_ctx++;
        S->fn.active = false;
    } else if (S->async_block && S->async_depth == depth) {
        flags = (uint16_t)((flags | SF_ASYNC) & ~(SF_MAIN | SF_OFF));
        loop = -1;
        ctx = S->next_ctx++;
        S->async_block = false;
    } else if (S->loop_pending >= 0 && S->loop_depth == depth) {
        loop = S->loop_pending;
        S->s->loops[loop].open = (uint32_t)i;
        S->loop_pending = -1;
    } else if (i >= 2 && punct(S, i - 1, '!') &&
               (word(S, i - 2, "lazy_static") || word(S, i - 2, "thread_local"))) {
        flags |= SF_INIT;
    }
    if (S->attrs && S->attrs_depth == depth) {
        if (S->attrs & ATTR_CFG_TEST)
            flags |= SF_TEST;
        S->attrs = 0;
    }
    bool body = loop >= 0 && loop != o->loop;
    int32_t impl_ty = o->impl_ty;
    push_frame(S, '}', flags, loop, ctx);
    top(S)->loop_body = body;
    if (is_fn) {
        struct scoped *s = S->s;
        s->fns = xgrow(s->fns, &s->capfns, s->nfns + 1, sizeof *s->fns);
        s->fns[s->nfns] = (struct scope_fn){(uint32_t)i, 0, ctx, (uint32_t)S->fn.name, impl_ty};
        top(S)->fn = (int32_t)s->nfns;
        top(S)->cur_fn = (int32_t)s->nfns++;
        top(S)->impl_ty = -1;
    } else if (S->impl_pending >= 0 && S->impl_depth == depth) {
        top(S)->impl_ty = S->impl_pending;
        S->impl_pending = -1;
    }
}

static void close_frame(struct state *S, size_t i, char c)
{
    size_t k = S->nst;
    while (k > 1 && S->st[k - 1].close != c)
        k--;
    if (k <= 1)
        return; /* no such bracket open: ignore the stray one */
    while (S->nst >= k) {
        struct frame *f = top(S);
        if (f->loop_body)
            S->s->loops[f->loop].close = (uint32_t)i;
        if (f->fn >= 0)
            S->s->fns[f->fn].close = (uint32_t)i;
        S->nst--; /* a let left open keeps end 0 and is dropped at the end */
    }
}

static void start_let(struct state *S, size_t i)
{
    struct frame *f = top(S);
    if (f->close != '}' || f->open_let >= 0)
        return;
    struct scoped *s = S->s;
    s->lets = xgrow(s->lets, &s->caplets, s->nlets + 1, sizeof *s->lets);
    s->lets[s->nlets] = (struct scope_let){(uint32_t)i, 0, 0, f->id, f->ctx};
    f->open_let = (int32_t)s->nlets++;
}

static bool is_assign(struct state *S, size_t i)
{
    if (!punct(S, i, '=') || punct(S, i + 1, '=') || punct(S, i + 1, '>'))
        return false;
    if (i == 0)
        return true;
    const struct token *p = &S->s->t[i - 1];
    if (p->kind != TK_PUNCT || p->start + 1 != S->s->t[i].start)
        return true;
    return strchr("=!<>+-*/%^&|", S->src[p->start]) == NULL;
}

static void new_loop(struct state *S, size_t i, enum loop_kind kind)
{
    struct scoped *s = S->s;
    s->loops = xgrow(s->loops, &s->caploops, s->nloops + 1, sizeof *s->loops);
    s->loops[s->nloops] =
        (struct scope_loop){(uint8_t)kind, false, false, false, (uint32_t)i, 0, 0};
    S->loop_pending = (int32_t)s->nloops++;
    S->loop_depth = S->nst;
    if (kind == LOOP_FOR) {
        /* `for attempt in 0..N {` or `in 1..=N {`: a retry loop, sequential by nature */
        size_t j = i + 1;
        while (j < s->n && !word(S, j, "in") && !punct(S, j, '{') && !punct(S, j, ';') &&
               S->budget-- > 0)
            j++;
        if (word(S, j, "in") && j + 5 < s->n && s->t[j + 1].kind == TK_NUMBER &&
            punct(S, j + 2, '.') && punct(S, j + 3, '.')) {
            size_t e = j + 4 + (punct(S, j + 4, '=') ? 1 : 0);
            if ((s->t[e].kind == TK_NUMBER || s->t[e].kind == TK_IDENT) && punct(S, e + 1, '{'))
                s->loops[s->nloops - 1].retry_range = true;
        }
    }
}

/* `impl<T> Trait<T> for Type<T> where ... {` at item level: the type is the last identifier
 * outside angle brackets before the `{` or `where`. */
static void impl_header(struct state *S, size_t i)
{
    if (i > 0 && !punct(S, i - 1, '{') && !punct(S, i - 1, '}') && !punct(S, i - 1, ';') &&
        !punct(S, i - 1, ']') && !word(S, i - 1, "unsafe") && !word(S, i - 1, "default"))
        return; /* `-> impl Trait`, `x: impl Trait` */
    int angle = 0;
    int32_t ty = -1;
    for (size_t j = i + 1; j < S->s->n && S->budget-- > 0; j++) {
        if (punct(S, j, '<'))
            angle++;
        else if (punct(S, j, '>') && !punct(S, j - 1, '-'))
            angle--;
        else if (punct(S, j, '{') || punct(S, j, ';') || word(S, j, "where"))
            break;
        else if (angle == 0 && ident(S, j) && !word(S, j, "for") && !word(S, j, "dyn") &&
                 !word(S, j, "mut"))
            ty = (int32_t)j;
    }
    S->impl_pending = ty;
    S->impl_depth = S->nst;
}

static void clear_pending(struct state *S)
{
    size_t d = S->nst;
    if (S->fn.active && S->fn.depth >= d)
        S->fn.active = false;
    if (S->async_block && S->async_depth >= d)
        S->async_block = false;
    if (S->loop_pending >= 0 && S->loop_depth >= d)
        S->loop_pending = -1;
    if (S->impl_pending >= 0 && S->impl_depth >= d)
        S->impl_pending = -1;
    if (S->attrs && S->attrs_depth >= d)
        S->attrs = 0;
    S->async_next_fn = false;
}

/* A fn that calls service_fn (or run_with_streaming_response ...) starts the Lambda runtime:
 * like main, it runs once; what it builds is built once. The async blocks and closures it
 * hands to the runtime keep their own scope (they are the handler). */
static void mark_runtime_starters(struct state *S)
{
    struct scoped *s = S->s;
    long budget = 8 * (long)s->n + 4096; /* nested fns are scanned again: stay linear */
    for (size_t f = 0; f < s->nfns && budget > 0; f++) {
        struct scope_fn *fn = &s->fns[f];
        size_t end = fn->close ? fn->close : s->n;
        bool starts = false;
        for (size_t k = fn->open + 1; k < end && !starts && budget-- > 0; k++)
            starts = s->ctx[k] == fn->ctx &&
                     (word(S, k, "service_fn") || word(S, k, "run_with_streaming_response") ||
                      word(S, k, "run_concurrent"));
        if (!starts)
            continue;
        for (size_t k = fn->open + 1; k < end; k++)
            if (s->ctx[k] == fn->ctx && !(s->flags[k] & SF_HANDLER))
                s->flags[k] |= SF_MAIN;
    }
}

void scope_run(const char *src, const struct lexed *lx, uint16_t base, struct scoped *s)
{
    s->n = 0;
    s->nloops = 0;
    s->nlets = 0;
    s->nfns = 0;
    s->has_test = false;
    s->main_tok = -1;
    if (s->cap < lx->ntok + 1)
        s->t = xgrow(s->t, &s->cap, lx->ntok + 1, sizeof *s->t);
    for (size_t i = 0; i < lx->ntok; i++)
        if (lx->tok[i].kind != TK_COMMENT)
            s->t[s->n++] = lx->tok[i];
    if (s->capinfo < s->n + 1) {
        s->capinfo = s->n + 1;
        s->flags = xrealloc(s->flags, s->capinfo * sizeof *s->flags);
        s->loop = xrealloc(s->loop, s->capinfo * sizeof *s->loop);
        s->ctx = xrealloc(s->ctx, s->capinfo * sizeof *s->ctx);
        s->fn = xrealloc(s->fn, s->capinfo * sizeof *s->fn);
    }
    struct state S = {.src = src,
                      .s = s,
                      .loop_pending = -1,
                      .impl_pending = -1,
                      .base = base,
                      .budget = 16 * (long)s->n + 4096};
    push_frame(&S, '\0', base, -1, -1);
    for (size_t i = 0; i < s->n; i++) {
        const struct token *t = &s->t[i];
        char c = t->kind == TK_PUNCT ? src[t->start] : '\0';
        struct frame *f = top(&S);
        s->flags[i] = f->flags;
        s->loop[i] = f->loop;
        s->ctx[i] = f->ctx;
        s->fn[i] = f->cur_fn;
        switch (c) {
        case '#': {
            unsigned a = 0;
            bool inner;
            size_t end = read_attr(&S, i, &a, &inner);
            if (end == i)
                break;
            for (size_t k = i + 1; k <= end; k++) {
                s->flags[k] = f->flags;
                s->loop[k] = f->loop;
                s->ctx[k] = f->ctx;
                s->fn[k] = f->cur_fn;
            }
            if (a & (ATTR_TEST | ATTR_CFG_TEST))
                s->has_test = true;
            if (inner) {
                if (a & ATTR_CFG_TEST)
                    f->flags |= SF_TEST;
            } else if (a) {
                if (!S.attrs || S.attrs_depth != S.nst)
                    S.attrs = 0;
                S.attrs |= a;
                S.attrs_depth = S.nst;
            }
            i = end;
            continue;
        }
        case '{':
            open_brace(&S, i);
            continue;
        case '(': {
            int k = call_kind(&S, i);
            uint16_t fl = f->flags;
            int32_t loop = f->loop;
            if (k == 1) {
                fl |= SF_OFF;
                loop = -1;
            } else if (k == 2) {
                fl |= SF_INIT;
            } else if (k == 3) {
                fl = (uint16_t)((fl | SF_HANDLER) & ~SF_MAIN);
            }
            push_frame(&S, ')', fl, loop, f->ctx);
            continue;
        }
        case '[':
            push_frame(&S, ']', f->flags, f->loop, f->ctx);
            continue;
        case '}':
        case ')':
        case ']':
            close_frame(&S, i, c);
            if (c == '}')
                clear_pending(&S);
            continue;
        case ';':
            if (f->close == ';' && S.nst > 1)
                S.nst--;
            f = top(&S);
            if (f->open_let >= 0) {
                s->lets[f->open_let].end = (uint32_t)i;
                f->open_let = -1;
            }
            clear_pending(&S);
            continue;
        case '=':
            if (f->open_let >= 0 && s->lets[f->open_let].eq == 0 && is_assign(&S, i))
                s->lets[f->open_let].eq = (uint32_t)i;
            continue;
        default:
            break;
        }
        if (t->kind != TK_IDENT || t->len > 6 || !strchr("fawlbrsci", src[t->start]))
            continue; /* not one of the keywords below */
        if (word(&S, i, "fn")) {
            if (!ident(&S, i + 1))
                continue;
            bool is_main = word(&S, i + 1, "main");
            S.fn =
                (struct fnpend){true,
                                S.async_next_fn,
                                is_main || ((S.attrs & ATTR_MAIN) && S.attrs_depth == S.nst),
                                (S.attrs & (ATTR_TEST | ATTR_CFG_TEST)) && S.attrs_depth == S.nst,
                                S.nst,
                                i + 1};
            if (is_main && s->main_tok < 0)
                s->main_tok = (int32_t)(i + 1);
            S.async_next_fn = false;
            S.attrs = 0;
        } else if (word(&S, i, "async")) {
            if (word(&S, i + 1, "fn") || (word(&S, i + 1, "unsafe") && word(&S, i + 2, "fn"))) {
                S.async_next_fn = true;
            } else if (punct(&S, i + 1, '{') || word(&S, i + 1, "move") || punct(&S, i + 1, '|')) {
                S.async_block = true;
                S.async_depth = S.nst;
            }
        } else if (word(&S, i, "for")) {
            if (!punct(&S, i + 1, '<') && expr_start(&S, i))
                new_loop(&S, i, LOOP_FOR);
        } else if (word(&S, i, "while")) {
            if (expr_start(&S, i))
                new_loop(&S, i, LOOP_WHILE);
        } else if (word(&S, i, "loop")) {
            if (expr_start(&S, i))
                new_loop(&S, i, LOOP_LOOP);
        } else if (word(&S, i, "await")) {
            if (S.loop_pending >= 0 && S.loop_depth == S.nst && i > 0 && punct(&S, i - 1, '.'))
                s->loops[S.loop_pending].head_awaits = true;
        } else if (word(&S, i, "break") || word(&S, i, "return")) {
            if (f->loop >= 0)
                s->loops[f->loop].exits = true;
        } else if (word(&S, i, "let")) {
            if (i == 0 || punct(&S, i - 1, '{') || punct(&S, i - 1, ';') || punct(&S, i - 1, '}'))
                start_let(&S, i);
        } else if (word(&S, i, "impl")) {
            impl_header(&S, i);
        } else if (word(&S, i, "static") || word(&S, i, "const")) {
            size_t j = i + 1;
            if (word(&S, j, "mut") || word(&S, j, "ref"))
                j++;
            bool item = i == 0 || !(punct(&S, i - 1, '<') || punct(&S, i - 1, ',') ||
                                    punct(&S, i - 1, '*') || punct(&S, i - 1, '&'));
            if (item && ident(&S, j) && punct(&S, j + 1, ':') && !punct(&S, j + 2, ':') &&
                f->close != ')')
                push_frame(&S, ';', (uint16_t)(f->flags | SF_INIT), f->loop, f->ctx);
        }
    }
    S.nst = 0;
    free(S.st);
    mark_runtime_starters(&S);
    /* lets still open at the end of the file were never finished */
    size_t k = 0;
    for (size_t i = 0; i < s->nlets; i++)
        if (s->lets[i].end != 0 && s->lets[i].eq != 0)
            s->lets[k++] = s->lets[i];
    s->nlets = k;
}

size_t scope_token_at(const struct scoped *s, size_t off)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((size_t)s->t[mid].start + s->t[mid].len <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void scope_finish(struct scoped *s)
{
    if (s == NULL)
        return;
    free(s->t);
    free(s->flags);
    free(s->loop);
    free(s->ctx);
    free(s->fn);
    free(s->loops);
    free(s->lets);
    free(s->fns);
    memset(s, 0, sizeof *s);
}
