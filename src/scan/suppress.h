/* Suppression comments, one parser for every file the scan reads: `// lambda-advisor:
 * allow(id, ...)` in Rust, `# lambda-advisor: allow(id, ...)` in TOML and YAML, and the
 * `allow-file(...)` forms, optionally followed by `-- why`. */
#ifndef LA_SCAN_SUPPRESS_H
#define LA_SCAN_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>

#define SUPP_MAX_IDS 8

struct supp {
    int line; /* 1-based line of the comment */
    bool file;
    char ids[SUPP_MAX_IDS][64];
    bool used[SUPP_MAX_IDS];
    int nids;
    size_t start, end; /* the comment's byte offsets in its file */
};

/* Parses one comment, [s, s + n), starting with its `//` or `#`. Returns 1 when it is a valid
 * suppression (sp filled but for line/start/end), 0 when the comment is not about us (the
 * tool is not named as `lambda-advisor:`), -1 when it names us but is malformed. */
int supp_parse(const char *s, size_t n, struct supp *sp);

/* The `#` comment on the line [l, e) of a TOML or YAML file: from the first '#' outside a
 * quoted value to e, or NULL. */
const char *supp_hash_comment(const char *l, const char *e);

#endif
