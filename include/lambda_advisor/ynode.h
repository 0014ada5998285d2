/* A YAML document as a small tree of nodes with their places, read through libyaml's
 * event API so that alias bombs and absurd nesting are refused before they cost anything. */
#ifndef LA_YNODE_H
#define LA_YNODE_H

#include "lambda_advisor/error.h"

#include <stdbool.h>
#include <stddef.h>

enum ynode_kind { YN_SCALAR, YN_SEQ, YN_MAP };

struct ynode {
    enum ynode_kind kind;
    char *value;         /* scalar text (NUL-terminated), NULL otherwise */
    size_t len;          /* scalar length */
    bool plain;          /* unquoted scalar */
    char *tag;           /* explicit tag such as "!Ref", or NULL */
    struct ynode **kids; /* seq: items; map: key, value, key, value ... */
    size_t nkids;
    int line, col; /* 1-based */
};

struct ydoc {
    struct ynode *root; /* NULL for an empty document */
    const char *file;   /* the name given to ydoc_parse */
    /* every node, for freeing (aliases share nodes) */
    struct ynode **all;
    size_t nall, capall;
};

#define YDOC_MAX_DEPTH    64
#define YDOC_MAX_ALIASES  1000
#define YDOC_MAX_EXPANDED 100000

/* Parses the first document of buf. name appears in errors. Returns false with
 * name:line:col on a syntax error, too deep a nesting, too many aliases, aliases that stand
 * for more than YDOC_MAX_EXPANDED nodes in all, and duplicate mapping keys. */
bool ydoc_parse(struct ydoc *doc, const char *name, const char *buf, size_t len,
                struct la_error *err);
/* ydoc_parse() of the file at path (at most max bytes); path must outlive doc. */
bool ydoc_load_file(struct ydoc *doc, const char *path, size_t max, struct la_error *err);
void ydoc_finish(struct ydoc *doc);

/* Map lookup by key; NULL when absent or when m is not a map. */
struct ynode *ynode_get(const struct ynode *m, const char *key);
const char *ynode_kind_name(enum ynode_kind k);

#endif
