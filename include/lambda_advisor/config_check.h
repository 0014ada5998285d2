/* The scan's config checks: Cargo.toml (release profile, tokio features, TLS stack) and
 * deploy configs (architecture, timeout, memory for rayon) against each other. */
#ifndef LA_CONFIG_CHECK_H
#define LA_CONFIG_CHECK_H

#include "lambda_advisor/error.h"

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

/* The Lambda memory size that gives two vCPUs' worth of CPU: 2 x 1,769 MB. */
#define CONFIG_RAYON_MIN_MEMORY_MB 3538

#endif
