/* The pitfall scan: walk paths, lex Rust, run the rules, collect findings.
 * Contract used by the CLI and the guided session; the scan's own modules may add fields
 * but must keep these names. Lines and columns are 1-based; columns count bytes. */
#ifndef LA_SCAN_H
#define LA_SCAN_H

#include "lambda_advisor/error.h"

#include <stdbool.h>
#include <stddef.h>

enum severity { SEV_NOTE = 0, SEV_WARNING = 1, SEV_ERROR = 2 };

struct finding {
    const char *rule; /* rule id, owned by the rule set */
    enum severity severity;
    char *path;
    int line, col;         /* start, 1-based */
    int end_line, end_col; /* end (exclusive column), 1-based */
    char *message;
    char *fix;            /* Markdown: what to do instead */
    char *snippet;        /* the source line, without its newline; may be NULL. A long line is cut
                           * to an excerpt around the span (SCAN_SNIPPET_MAX bytes at most): */
    int snippet_from;     /* bytes of the line before the excerpt (0: from its start) */
    int snippet_from_u16; /* the same in UTF-16 code units (SARIF columns) */
    bool snippet_more;    /* the line goes on after the excerpt */
    int *related;         /* more lines of the same pitfall in this file (SARIF relatedLocations):
                           * the other clients one handler builds; NULL when none */
    size_t nrelated;
};

/* A finding keeps at most this much of its line: one long line with many findings must not
 * cost findings x line length in memory (a 1.9 MB line took 6 GB). */
#define SCAN_SNIPPET_MAX 512

struct scan_opts {
    const char *const *rule_files; /* extra rule files (--rules), may be NULL */
    size_t nrule_files;
    const char *config_file; /* NULL: the nearest .lambda-advisor.yaml at/above each root */
    int threads;             /* 0: one per core */
    size_t max_filesize;     /* larger files are skipped (and said so); 0: SCAN_MAX_FILESIZE */
};

#define SCAN_MAX_FILESIZE (2u << 20)

struct ruleset;

struct scan_result {
    struct finding *v; /* sorted by path, line, col, rule */
    size_t n;
    size_t files_scanned;
    size_t files_skipped; /* too large, binary, unreadable: each also in notes */
    char **notes;         /* human-readable lines about what was skipped and why */
    size_t nnotes;
    size_t skipped_large, skipped_binary, skipped_unreadable;
    size_t max_filesize;
    struct ruleset *rules; /* the rules that ran (owns the finding's rule ids) */
};

bool scan_run(const char *const *paths, size_t npaths, const struct scan_opts *opts,
              struct scan_result *out, struct la_error *err);
void scan_result_finish(struct scan_result *r);
/* Loads the rules a scan would use (shipped, --rules files, the project config) without
 * scanning: for --list-rules. The caller owns the set (rules_finish + free). */
struct ruleset *scan_load_rules(const char *const *paths, size_t npaths,
                                const struct scan_opts *opts, struct la_error *err);
const char *severity_name(enum severity s);

#endif
