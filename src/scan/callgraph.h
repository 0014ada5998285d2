/* The call graph of a Lambda workspace: which fns run per invocation (reached from what
 * service_fn, lambda_*::run or an HTTP router's .route get), and which calls from async code
 * land in a same-crate sync helper that sleeps or does CPU-heavy work (one or two levels).
 *
 * Built once per workspace (the topmost directory with a Cargo.toml above a file, not above a
 * .git directory or the scan's relative start), on first use by any worker, and shared. Names
 * are resolved without types: a method call reaches every method of that name, `Type::f` the
 * fns of `impl Type`, a bare call the free fns of that name; an over-approximation, so per
 * invocation can be too wide, never too narrow for code the handler calls by name. */
#ifndef LA_CALLGRAPH_H
#define LA_CALLGRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct worker;

enum { CG_CPU = 1, CG_SLEEP = 2 };

/* A call from async code to a sync helper that does the work of a rule (mask: CG_*). */
struct cg_site {
    uint32_t start, end; /* the called name in this file */
    uint8_t mask;
    char *detail; /* "`helper` does it at path:line (`the call`)" */
};

struct cg_file {
    char *path;
    int pkg;           /* index of its package (nearest Cargo.toml) */
    bool pkg_roots;    /* its package is a binary whose src/ hands a handler to the runtime */
    bool pkg_library;  /* its package has no fn main in src/: a library */
    uint32_t *reached; /* sorted byte offsets of the names of its fns reached per invocation */
    size_t nreached;
    struct cg_site *sites;
    size_t nsites;
    uint32_t *quiet; /* sorted offsets of called names that only reach cached accessors
                        (OnceCell::get_or_init) or async fns that never await: no I/O */
    size_t nquiet;
    const char *const *macros; /* the workspace's macro_rules! whose expansion panics */
    size_t nmacros;
};

/* Every worker calls cg_retain once before scanning and cg_release once after; the last
 * release frees the shared graphs. */
void cg_retain(void);
void cg_release(void);
/* The graph's view of the file at path (as the walk names it), or NULL when no graph could be
 * built (no Cargo.toml above it, or a workspace too large). lambda: the file's crate is a
 * Lambda crate; other files get a graph only as members of a workspace with a Lambda crate. Uses
 * w's lexer and scope scratch: call it before lexing the file itself. */
const struct cg_file *cg_lookup(struct worker *w, const char *path, bool lambda);
/* Is the fn whose name token starts at byte off reached per invocation? */
bool cg_reached(const struct cg_file *f, uint32_t off);
/* Frees what a worker remembers about directories. */
void cg_worker_finish(struct worker *w);
/* Does the call whose name starts at byte off only reach cached or I/O-free fns? */
bool cg_quiet(const struct cg_file *f, uint32_t off);

#endif
