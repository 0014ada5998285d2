/* Private to the scan: a worker's reusable state and the per-file pass. */
#ifndef LA_SCAN_INT_H
#define LA_SCAN_INT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include "callgraph.h"
#include "lambda_advisor/lexer.h"
#include "lambda_advisor/rules.h"
#include "lambda_advisor/scan.h"
#include "lambda_advisor/scope.h"

#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SCAN_RULE_SUPPRESSION "unused-suppression"
#define CG_MEMO               16

struct fvec {
    struct finding *v;
    size_t n, cap;
};

/* What the crate-level rules need to know about one file. */
struct file_facts {
    bool has_test;
    bool has_tracing;
    int main_line, main_col; /* 0 when the file has no fn main */
    unsigned allowed;        /* suppressed at main: bit 0 no-tests, bit 1 no-tracing */
};

struct worker {
    const struct ruleset *rs;
    const pcre2_code *tracing_re; /* shared, read-only */
    pcre2_match_data *md;
    pcre2_match_context *mctx; /* with a JIT stack of up to 1 MiB for hairy user patterns */
    pcre2_jit_stack *jstack;
    struct lexed lx;
    struct scoped sc;
    /* the literal prefilter: every rule's literals, each looked up at most once per file */
    struct scan_lit {
        const char *s;
        size_t n, pivot; /* s[pivot] is its rarest byte */
    } lits[128];
    size_t nlits;
    uint8_t found[128]; /* for the current file: 0 not looked up, 1 present, 2 absent */
    size_t *rule_lit;   /* for rule i: literal ids rule_lit[rule_off[i] .. rule_off[i + 1]) */
    size_t *rule_off;
    size_t *lines; /* line start offsets of the current file, built on demand */
    size_t nlines, caplines;
    bool lines_ready;
    const char *src; /* the current file */
    size_t len;
    const char *path;
    struct fvec out;
    /* the workspace call graph's view of the current file (Lambda crates), or NULL */
    const struct cg_file *cgf;
    uint8_t *reach;  /* for each fn of the current file (sc.fns): reached per invocation */
    struct cg_memo { /* directories looked up for a graph: the workspace at or above each */
        char *dir, *top;
        int found; /* Cargo.toml files at or above it */
    } cg_memo[CG_MEMO];
    int cg_memo_next;
    size_t capreach;
};

void worker_init(struct worker *w, const struct ruleset *rs, const pcre2_code *tracing_re);
void worker_finish(struct worker *w);
/* Scans one Rust source already in memory; appends findings to w->out. want_facts: fill
 * facts (the file belongs to a Lambda crate inside the scanned tree). */
void scan_rust(struct worker *w, const char *path, const char *src, size_t len, bool lambda,
               uint16_t base_flags, bool want_facts, struct file_facts *facts);
/* Runs the pattern rules of the given kind (RK_CARGO or RK_DEPLOY) over a config file's
 * text, with its `#` comments blanked (outside quotes). */
void scan_config_text(struct worker *w, const char *path, const char *src, size_t len,
                      unsigned kind);
/* Appends a finding (message = rule message, plus ": detail" when given). */
void fvec_add(struct fvec *fv, const struct rule *r, const char *rule_id, enum severity sev,
              const char *path, int line, int col, int end_line, int end_col, const char *detail,
              const char *snippet, size_t snippet_len);
void fvec_finish(struct fvec *fv);
/* Sets f->snippet (and its excerpt fields) from the whole line, bounded (rules.c). */
void finding_excerpt(struct finding *f, const char *line, size_t len);
/* Frees what a finding owns. */
void finding_clear(struct finding *f);
/* Starts a new file (or buffer) for the helpers below and finding_excerpt (rules.c). */
void rules_file_begin(void);
/* Zero bytes kept after every PCRE2 subject in a reused buffer (see scan.c read_file). */
#define SUBJECT_PAD 64
/* Sets the PCRE2 limits that bound one match of a (user's) pattern. */
void rules_limit_match(pcre2_match_context *mctx);
/* pcre2_match failed on re with rc (not "no match": the match or depth limit, say) when
 * searching s from `from`: reports it once per rule and file (a note), and returns where
 * the search goes on (the next line), or len + 1 when the rule gives up on this file. */
size_t rules_match_failed(struct worker *w, const pcre2_code *re, const char *s, size_t len,
                          size_t from, int rc);

#endif
