/* The knowledge (decision-trees/, templates/): shipped (embedded in the binary at build time,
 * or read from the directory named by LAMBDA_ADVISOR_DATA when that is set), with the user's
 * files in $XDG_CONFIG_HOME/lambda-advisor/ layered over it. */
#ifndef LA_DATA_H
#define LA_DATA_H

#include <stddef.h>

/* Returns the contents of a data file by its path relative to the source root (for example
 * "decision-trees/lambda.yaml" or "templates/main.rs.tpl"), NUL-terminated, or NULL when there
 * is none. The memory lives as long as the process; do not free it. */
const char *data_get(const char *relpath, size_t *len);

/* Calls fn for every file in use whose relative path starts with prefix, in sorted order.
 * Shipped files are named by their relative path; the user's files (which replace a shipped
 * file of the same relative path, or add to them) by their absolute path, so that messages
 * name the real file. data_get takes either. */
void data_each(const char *prefix, void (*fn)(void *ud, const char *relpath), void *ud);

/* The user's layer: $XDG_CONFIG_HOME/lambda-advisor (or ~/.config/lambda-advisor), or NULL. */
const char *data_user_dir(void);
/* The layers in use and the user's files, in order of precedence (for --verbose). */
char *data_layers(void);

#endif
