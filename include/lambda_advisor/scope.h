/* Scopes over the lexer's tokens: which code is async, a test, main, run once at start-up, or
 * off the async threads (spawn_blocking / block_in_place / thread::spawn closures); fn items,
 * loops, and `let` statements for the structural rules. A best-effort reading of the token
 * stream that never fails: mismatched brackets or half-typed code give narrower scopes. */
#ifndef LA_SCOPE_H
#define LA_SCOPE_H

#include "lambda_advisor/lexer.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum scope_flag {
    SF_ASYNC = 1 << 0,  /* in an async fn, async block or async closure */
    SF_OFF = 1 << 1,    /* in a closure handed to spawn_blocking, block_in_place, thread::spawn */
    SF_TEST = 1 << 2,   /* #[test], #[tokio::test], #[cfg(test)] items, test files */
    SF_MAIN = 1 << 3,   /* fn main, #[tokio::main], or a fn that starts the Lambda runtime
                           (calls service_fn), not counting async blocks inside it */
    SF_INIT = 1 << 4,   /* run once: static/const initialisers, OnceCell::get_or_init, Lazy::new */
    SF_IN_FN = 1 << 5,  /* inside some fn body */
    SF_HANDLER = 1 << 6 /* in the arguments of service_fn(...), lambda_*::run(...) or an HTTP
                           router's .route(...): code the runtime calls per invocation, even when
                           it sits lexically inside main */
};

enum loop_kind { LOOP_FOR, LOOP_WHILE, LOOP_LOOP };

struct scope_loop {
    uint8_t kind;             /* enum loop_kind */
    bool head_awaits;         /* `while let Some(x) = s.next().await {` */
    bool retry_range;         /* `for attempt in 0..3 {` */
    bool exits;               /* the body holds break or return: a search or retry, not a batch */
    uint32_t kw, open, close; /* token indexes: keyword, body braces (close 0: unterminated) */
};

struct scope_let {
    uint32_t let_tok, eq, end; /* token indexes of `let`, its `=` and its `;` */
    int32_t frame;             /* the block it belongs to */
    int32_t ctx;               /* the fn / async block it runs in */
};

/* Significant tokens (comments left out) with, for each, its flags and innermost loop. */
struct scoped {
    struct token *t;
    size_t n, cap;
    uint16_t *flags;
    int32_t *loop; /* index into loops, -1 outside loops (reset by fns and async blocks) */
    int32_t *ctx;  /* id of the innermost fn / async block / async closure, -1 at top level */
    int32_t *fn;   /* index into fns of the innermost fn item holding the token, -1 outside */
    size_t capinfo;
    struct scope_loop *loops;
    size_t nloops, caploops;
    struct scope_let *lets;
    size_t nlets, caplets;
    struct scope_fn {
        uint32_t open, close; /* body braces (close 0: unterminated) */
        int32_t ctx;
        uint32_t name;   /* token index of the fn's name */
        int32_t impl_ty; /* token index of the type of the enclosing impl block, or -1 */
    } * fns;
    size_t nfns, capfns;
    bool has_test;    /* a #[test]-like attribute or #[cfg(test)] */
    int32_t main_tok; /* the name token of `fn main`, or -1 */
};

#define SCOPED_INIT                                                                                \
    {                                                                                              \
        0                                                                                          \
    }

/* Computes the scopes of a lexed source. base flags apply to the whole file (SF_TEST for files
 * under tests/, SF_MAIN for build.rs). Reuse one struct scoped across files. */
void scope_run(const char *src, const struct lexed *lx, uint16_t base, struct scoped *out);
void scope_finish(struct scoped *s);
/* The significant token holding (or following) byte offset off; s->n when none. */
size_t scope_token_at(const struct scoped *s, size_t off);
/* True when token i is the identifier word. */
bool scope_tok_word(const char *src, const struct token *t, const char *word);

#endif
