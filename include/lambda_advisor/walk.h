/* Walking the trees to scan, as ripgrep does: skips target/, .git/ and other hidden entries,
 * whatever .gitignore files exclude (a common subset of their syntax: *, **, ?, [..], !,
 * leading and trailing /), and does not follow symbolic links inside the tree (so there are
 * no loops). It only reads: nothing under the roots is ever written. */
#ifndef LA_WALK_H
#define LA_WALK_H

#include "lambda_advisor/error.h"

#include <stdbool.h>
#include <stddef.h>

enum walk_kind { WK_RUST, WK_CARGO, WK_DEPLOY };

struct walk_file {
    char *path;
    enum walk_kind kind;
    int crate; /* index into crates of the nearest enclosing crate, or -1 */
};

struct walk_crate {
    char *dir;      /* the directory holding Cargo.toml */
    char *manifest; /* dir + "/Cargo.toml" */
    bool in_tree;   /* found inside the scanned paths (not only above a root) */
    bool lambda;    /* depends on lambda_runtime or lambda_http */
    bool has_tests_dir;
};

struct walk_result {
    struct walk_file *files;
    size_t nfiles, capfiles;
    struct walk_crate *crates;
    size_t ncrates, capcrates;
    char **notes; /* unreadable directories and the like */
    size_t nnotes, capnotes;
};

/* Walks every root (a directory or a file). A root that does not exist is an error. */
bool walk_run(const char *const *roots, size_t nroots, struct walk_result *out,
              struct la_error *err);
/* The same, calling on_file(ud, w, i) as each file is found, from the walking thread, so
 * that files can be scanned while the walk goes on (w->files[i] and the crate it names are
 * complete when the call is made; the arrays may move afterwards). When on_file returns
 * true it has taken the file (and owns its path): the walk does not keep it, so memory does
 * not grow with the number of files. */
typedef bool (*walk_file_fn)(void *ud, const struct walk_result *w, size_t i);
bool walk_run_cb(const char *const *roots, size_t nroots, struct walk_result *out,
                 walk_file_fn on_file, void *ud, struct la_error *err);
void walk_finish(struct walk_result *w);

/* gitignore-style glob: '*' and '?' stay within a path component, '**' crosses them. */
bool walk_glob_match(const char *pat, const char *text);

#endif
