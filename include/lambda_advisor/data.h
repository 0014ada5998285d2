/* The shipped knowledge (decision-trees/, templates/): embedded in the binary at build time,
 * or read from the directory named by LAMBDA_ADVISOR_DATA when that is set. */
#ifndef LA_DATA_H
#define LA_DATA_H

#include <stddef.h>

/* Returns the contents of a data file by its path relative to the source root (for example
 * "decision-trees/lambda.yaml" or "templates/main.rs.tpl"), NUL-terminated, or NULL when there
 * is none. The memory lives as long as the process; do not free it. */
const char *data_get(const char *relpath, size_t *len);

/* Calls fn for every shipped file whose path starts with prefix, in sorted order. */
void data_each(const char *prefix, void (*fn)(void *ud, const char *relpath), void *ud);

#endif
