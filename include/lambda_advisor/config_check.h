/* The scan's config checks: Cargo.toml (release profile, tokio features, TLS stack) and
 * deploy configs (architecture, timeout, memory for rayon) against each other. */
#ifndef LA_CONFIG_CHECK_H
#define LA_CONFIG_CHECK_H

#include "lambda_advisor/error.h"

#include <stdbool.h>
#include <stddef.h>

/* Called for each finding: rule id, file path, 1-based line/col, and a detail string
 * (may be NULL) that completes the rule's message. */
typedef void (*config_emit_fn)(void *ud, const char *rule, const char *path, int line, int col,
                               const char *detail);

/* Called for a config file that cannot be read or parsed (the checks go on without it). */
typedef void (*config_error_fn)(void *ud, const struct la_error *err);

/* crate_dirs: every directory under the scanned paths that holds a Cargo.toml;
 * deploy_files: every template.yaml/template.yml/serverless.yml/serverless.yaml found.
 * Paths in findings start with the given ones (a workspace root found above a crate is spelled
 * by dropping components from the crate's path: "ws/crates/fn" -> "ws", "." -> ".."). Each
 * finding is emitted once; the order is deterministic (crates in the given order, then deploy
 * files). The detail may be NULL. Findings silenced by `# lambda-advisor: allow(rule-id)` on
 * their line or the line above, or `# lambda-advisor: allow-file(rule-id)` anywhere in the
 * file, are not emitted. Reads, never writes. */
void config_check_tree(const char *const *crate_dirs, size_t ncrates,
                       const char *const *deploy_files, size_t ndeploy, config_emit_fn emit,
                       void *ud);
/* The same, reporting unreadable or malformed files through on_error (may be NULL). */
void config_check_tree_ex(const char *const *crate_dirs, size_t ncrates,
                          const char *const *deploy_files, size_t ndeploy, config_emit_fn emit,
                          config_error_fn on_error, void *ud);

/* ---- the crate model every crate rule reads ---- */

/* How a crate's binaries reach the Lambda runtime. */
enum config_reach {
    CONFIG_REACH_NONE,
    CONFIG_REACH_DIRECT,   /* lambda_runtime / lambda_http / lambda-web / poem-lambda */
    CONFIG_REACH_OPTIONAL, /* the same behind a feature (`cargo lambda build --features ...`) */
    CONFIG_REACH_WRAPPER,  /* a path dependency (a workspace wrapper crate) that reaches it */
    CONFIG_REACH_ADAPTER,  /* a web server run by the Lambda Web Adapter (its Dockerfile) */
};

struct config_crate {
    bool package;   /* has [package] (a virtual workspace root has not) */
    bool bin;       /* src/main.rs, src/bin/ or a [[bin]] target */
    bool test_only; /* an integration-test / e2e crate (by name or place) */
    bool slow_work; /* an HTTP client, a database driver or a CPU-heavy crate (itself or
                     * through a path dependency): calls whose time nobody bounds */
    bool aws_calls; /* the AWS SDK (usually milliseconds, but I/O) */
    enum config_reach reach;
};

/* Does the Rust source set up a subscriber that prints? (the scan's own definition) */
typedef bool (*config_subscriber_fn)(void *ud, const char *src, size_t len);

/* The model: parsed manifests, workspaces and what each crate is, cached. Not thread-safe. */
struct config_model;
struct config_model *config_model_new(config_error_fn on_error, config_subscriber_fn subscriber,
                                      void *ud);
void config_model_free(struct config_model *m);
/* The scanned roots: they bound the search for a crate's project files (see config_run). */
void config_model_roots(struct config_model *m, const char *const *roots, size_t n);
/* What the crate at dir is; false when dir holds no readable Cargo.toml. */
bool config_model_crate(struct config_model *m, const char *dir, struct config_crate *out);
/* Whether a path dependency of the crate (followed transitively; not the runtime's own crates)
 * holds tests (integration tests, or unit tests in three files or more) or sets up a
 * subscriber. Reads their sources: ask only when it matters. */
void config_model_crate_deps(struct config_model *m, const char *dir, bool *tests,
                             bool *subscriber);
/* A Lambda function crate: a package with a binary that reaches the runtime. */
bool config_crate_is_function(const struct config_crate *c);

/* One run of the config checks. roots: the scanned paths; a crate's evidence of how it is
 * built is looked for from its directory up to the repository top (the directory holding
 * .git) or the root it was found under, whichever comes first, so that a finding never
 * depends on the other roots of the run. */
struct config_run {
    const char *const *crate_dirs;
    size_t ncrates;
    const char *const *deploy_files;
    size_t ndeploy;
    const char *const *roots;
    size_t nroots;
    bool no_suppress; /* leave `#` suppressions to the caller */
};
/* A finding of a run; as_note: report it as a note whatever the rule's severity (a
 * default-timeout where nothing says the function does slow work). */
typedef void (*config_report_fn)(void *ud, const char *rule, const char *path, int line, int col,
                                 const char *detail, bool as_note);
void config_model_check(struct config_model *m, const struct config_run *run,
                        config_report_fn report, void *ud);

/* Every rule id the config checks report (NULL-terminated): each must be a `check: config`
 * rule of the rule files, and each such rule must be one of these (`lambda-advisor check`). */
extern const char *const config_rule_ids[];

/* Above this memory (one full vCPU's credit, 1,769 MB) parallel work starts to gain. */
#define CONFIG_RAYON_MAX_LOW_MEMORY_MB 1769

#endif
