/* The config checks: each Lambda crate's Cargo.toml (and its workspace root), its build
 * configs (.cargo/config.toml, cargo-lambda metadata) and the deploy configs that deploy it. */
#include "lambda_advisor/config_check.h"
#include "../suppress.h"
#include "lambda_advisor/deploy.h"
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/strmap.h"
#include "lambda_advisor/toml.h"
#include "lambda_advisor/xalloc.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define MANIFEST_MAX_BYTES (1u << 20)
#define MAX_ANCESTORS      32

/* A parsed TOML file, cached by its real path. */
struct tfile {
    char *path; /* as named in findings */
    char *real;
    bool ok; /* exists and parsed */
    struct toml_doc doc;
};

struct manifest {
    char *dir;
    char *real_dir;
    struct tfile *file;    /* dir/Cargo.toml */
    struct manifest *root; /* the workspace root (maybe itself), or NULL */
    bool lambda;           /* a Lambda function crate, checked in this run */
    bool root_done;
    bool info_done, info_busy;
    struct config_crate info;
    int scanned;    /* dep sources read: -1 no, else bit 0 tests, bit 1 subscriber */
    unsigned visit; /* the last deps_facts walk that reached it */
};

struct srcfile {
    char *path;
    char *buf; /* NULL when unreadable */
    size_t len;
    struct supp *tc; /* its valid suppressions in line order, parsed once */
    size_t ntc;
};

struct ctx {
    struct tfile **files;
    size_t nfiles, capfiles;
    struct manifest **mans;
    size_t nmans, capmans;
    char **emitted;
    size_t nemitted, capemitted;
    struct strmap emitted_set; /* the same keys, hashed: the dedup stays linear */
    struct srcfile *srcs;      /* config files read for their suppression comments */
    size_t nsrcs, capsrcs;
    config_report_fn emit;
    config_emit_fn old_emit; /* for config_check_tree */
    config_error_fn on_error;
    config_subscriber_fn subscriber;
    void *ud, *emit_ud;
    char **roots; /* real paths of the scanned roots (a file root: its directory) */
    size_t nroots;
    bool no_suppress;
    struct how { /* evidence of how crates are built, per directory */
        char *real;
        int how; /* BUILD_* */
    } * hows;
    size_t nhows, caphows;
};

const char *const config_rule_ids[] = {"no-release-profile",
                                       "tokio-full",
                                       "openssl-tls",
                                       "x86-deploy",
                                       "arch-mismatch",
                                       "default-timeout",
                                       "memory-too-low-for-rayon",
                                       NULL};

/* ---- paths ---- */

static char *path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    if (n > 0 && dir[n - 1] == '/')
        return xasprintf("%s%s", dir, name);
    return xasprintf("%s/%s", dir, name);
}

/* realpath(3) walks every component with readlink(2); the model asks for the same few
 * directories thousands of times on a large tree (each manifest and its ancestors), so the
 * answers are kept for the process, behind a lock (scans may run on several threads). */
static pthread_mutex_t real_mu = PTHREAD_MUTEX_INITIALIZER;
static struct strmap real_map = STRMAP_INIT;
static char **real_vals;
static size_t real_n, real_cap;

static char *real_or_copy(const char *p)
{
    size_t i;
    pthread_mutex_lock(&real_mu);
    bool hit = strmap_get(&real_map, p, &i);
    char *r = hit ? xstrdup(real_vals[i]) : NULL;
    pthread_mutex_unlock(&real_mu);
    if (hit)
        return r;
    r = realpath(p, NULL);
    if (r == NULL)
        return xstrdup(p); /* not cached: the path may appear later */
    pthread_mutex_lock(&real_mu);
    if (!strmap_get(&real_map, p, &i)) {
        real_vals = xgrow(real_vals, &real_cap, real_n + 2, sizeof *real_vals);
        real_vals[real_n] = xstrdup(r);
        char *key = xstrdup(p);
        real_vals[real_n + 1] = key; /* the map borrows its keys: keep them alive here */
        strmap_put(&real_map, key, real_n);
        real_n += 2;
    }
    pthread_mutex_unlock(&real_mu);
    return r;
}

/* Forgets the cached answers: the next scan (the guided session's "scan again") sees links
 * as they are then. */
static void real_cache_clear(void)
{
    pthread_mutex_lock(&real_mu);
    for (size_t i = 0; i < real_n; i++)
        free(real_vals[i]);
    free(real_vals);
    real_vals = NULL;
    real_n = real_cap = 0;
    strmap_finish(&real_map);
    memset(&real_map, 0, sizeof real_map);
    pthread_mutex_unlock(&real_mu);
}

/* The parent directory, spelled from dir: "a/b" -> "a", "a" -> ".", "." -> "..",
 * ".." -> "../..", "/a" -> "/". */
static char *parent_of(const char *dir)
{
    char *d = xstrdup(dir);
    size_t n = strlen(d);
    while (n > 1 && d[n - 1] == '/')
        d[--n] = '\0';
    char *slash = strrchr(d, '/');
    const char *last = slash ? slash + 1 : d;
    char *out;
    if (strcmp(d, ".") == 0 || *d == '\0')
        out = xstrdup("..");
    else if (*last == '\0' || strcmp(last, ".") == 0 || strcmp(last, "..") == 0)
        out = path_join(d, "..");
    else if (slash == NULL)
        out = xstrdup(".");
    else if (slash == d)
        out = xstrdup("/");
    else
        out = xstrndup(d, (size_t)(slash - d));
    free(d);
    return out;
}

static bool is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* ---- cached files ---- */

static void report(struct ctx *c, const struct la_error *err)
{
    if (c->on_error != NULL)
        c->on_error(c->ud, err);
}

/* The parsed TOML file at path, or NULL when it does not exist or is malformed (reported
 * once when quiet_missing is false or when it exists but cannot be parsed). */
static struct tfile *load_toml(struct ctx *c, const char *path, bool quiet_missing)
{
    char *real = real_or_copy(path);
    for (size_t i = 0; i < c->nfiles; i++) {
        if (strcmp(c->files[i]->real, real) == 0) {
            free(real);
            return c->files[i]->ok ? c->files[i] : NULL;
        }
    }
    struct tfile *f = xcalloc(1, sizeof *f);
    f->path = xstrdup(path);
    f->real = real;
    c->files = xgrow(c->files, &c->capfiles, c->nfiles + 1, sizeof *c->files);
    c->files[c->nfiles++] = f;
    if (quiet_missing && !is_file(path))
        return NULL;
    char *buf;
    size_t len;
    struct la_error err = LA_ERROR_INIT;
    /* a link out of its crate (a Cargo.toml, or a .cargo/config.toml) is not read */
    char *base = parent_of(path);
    const char *last = strrchr(base, '/');
    if (strcmp(last ? last + 1 : base, ".cargo") == 0) {
        char *up = parent_of(base);
        free(base);
        base = up;
    }
    bool escapes = file_link_escapes(path, base);
    free(base);
    if (escapes) {
        la_error_set(&err, path, 0, 0, "a symbolic link out of the scanned tree; not read");
        report(c, &err);
        la_error_finish(&err);
        return NULL;
    }
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) { /* a FIFO would block */
        la_error_set(&err, path, 0, 0, "cannot read: not a regular file");
        report(c, &err);
        la_error_finish(&err);
        return NULL;
    }
    if (!file_read_all(path, MANIFEST_MAX_BYTES, &buf, &len, &err)) {
        report(c, &err);
        la_error_finish(&err);
        return NULL;
    }
    f->ok = toml_parse(&f->doc, path, buf, len, &err);
    free(buf);
    if (!f->ok)
        report(c, &err);
    la_error_finish(&err);
    return f->ok ? f : NULL;
}

static void ctx_finish(struct ctx *c)
{
    for (size_t i = 0; i < c->nfiles; i++) {
        toml_finish(&c->files[i]->doc);
        free(c->files[i]->path);
        free(c->files[i]->real);
        free(c->files[i]);
    }
    free(c->files);
    for (size_t i = 0; i < c->nmans; i++) {
        free(c->mans[i]->dir);
        free(c->mans[i]->real_dir);
        free(c->mans[i]);
    }
    free(c->mans);
    for (size_t i = 0; i < c->nemitted; i++)
        free(c->emitted[i]);
    free(c->emitted);
    strmap_finish(&c->emitted_set);
    real_cache_clear();
    for (size_t i = 0; i < c->nsrcs; i++) {
        free(c->srcs[i].path);
        free(c->srcs[i].buf);
        free(c->srcs[i].tc);
    }
    free(c->srcs);
    for (size_t i = 0; i < c->nhows; i++)
        free(c->hows[i].real);
    free(c->hows);
    for (size_t i = 0; i < c->nroots; i++)
        free(c->roots[i]);
    free(c->roots);
}

/* ---- suppression comments in config files ---- */

/* Lists the file's valid `# lambda-advisor:` suppressions once, so that a file with many
 * findings (a template.yaml of 20k functions) is not re-read for each one. */
static void find_suppressions(struct srcfile *f)
{
    size_t cap = 0;
    int n = 1;
    for (const char *l = f->buf, *end = f->buf + f->len; l && l < end; n++) {
        const char *e = memchr(l, '\n', (size_t)(end - l));
        if (e == NULL)
            e = end;
        const char *hash = supp_hash_comment(l, e);
        struct supp sp;
        if (hash != NULL && supp_parse(hash, (size_t)(e - hash), &sp) == 1) {
            sp.line = n;
            f->tc = xgrow(f->tc, &cap, f->ntc + 1, sizeof *f->tc);
            f->tc[f->ntc++] = sp;
        }
        l = e + 1;
    }
}

static const struct srcfile *source_of(struct ctx *c, const char *path)
{
    for (size_t i = 0; i < c->nsrcs; i++)
        if (strcmp(c->srcs[i].path, path) == 0)
            return &c->srcs[i];
    c->srcs = xgrow(c->srcs, &c->capsrcs, c->nsrcs + 1, sizeof *c->srcs);
    struct srcfile *f = &c->srcs[c->nsrcs++];
    memset(f, 0, sizeof *f);
    f->path = xstrdup(path);
    if (!is_file(path) || !file_read_all(path, 4u << 20, &f->buf, &f->len, NULL))
        f->buf = NULL;
    find_suppressions(f);
    return f;
}

/* `# lambda-advisor: allow(rule)` on the finding's line or the line above, or
 * `# lambda-advisor: allow-file(rule)` anywhere in the file. */
static bool suppressed(struct ctx *c, const char *rule, const char *path, int line)
{
    const struct srcfile *f = source_of(c, path);
    for (size_t i = 0; i < f->ntc; i++) {
        const struct supp *sp = &f->tc[i];
        if (sp->file || sp->line == line || sp->line == line - 1)
            for (int k = 0; k < sp->nids; k++)
                if (strcmp(sp->ids[k], rule) == 0)
                    return true;
    }
    return false;
}

static void emit_as(struct ctx *c, const char *rule, const char *path, int line, int col,
                    const char *detail, bool as_note);

static void emit(struct ctx *c, const char *rule, const char *path, int line, int col,
                 const char *detail)
{
    emit_as(c, rule, path, line, col, detail, false);
}

static void emit_as(struct ctx *c, const char *rule, const char *path, int line, int col,
                    const char *detail, bool as_note)
{
    char *key = xasprintf("%s|%s|%d|%d", rule, path, line, col);
    if (!strmap_put(&c->emitted_set, key, c->nemitted)) {
        free(key);
        return;
    }
    c->emitted = xgrow(c->emitted, &c->capemitted, c->nemitted + 1, sizeof *c->emitted);
    c->emitted[c->nemitted++] = key;
    if (c->no_suppress || !suppressed(c, rule, path, line))
        c->emit(c->emit_ud, rule, path, line, col, detail, as_note);
}

/* ---- dependencies ---- */

static bool same_crate_name(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a == '-' ? '_' : *a, y = *b == '-' ? '_' : *b;
        if (x != y)
            return false;
    }
    return *a == *b;
}

struct dep {
    const struct toml_kv *kv; /* the entry in the member's table */
    const struct toml_kv *ws; /* the [workspace.dependencies] entry when workspace = true */
    struct tfile *ws_file;
};

static const char *dep_real_name(const struct toml_kv *kv)
{
    const char *pkg = toml_str(toml_get(kv->value, "package"));
    return pkg ? pkg : kv->key;
}

static bool dep_in_table(const struct toml_value *deps, const char *name,
                         const struct toml_kv **out)
{
    if (deps == NULL || deps->type != TOML_TABLE)
        return false;
    for (size_t i = 0; i < deps->nkvs; i++) {
        if (same_crate_name(dep_real_name(&deps->kvs[i]), name)) {
            *out = &deps->kvs[i];
            return true;
        }
    }
    return false;
}

/* Does the feature string s turn on the optional dependency key? ("key", "dep:key",
 * "key/feature"; "key?/feature" does not). */
static bool feature_names_dep(const char *s, const char *key)
{
    size_t kl = strlen(key);
    if (strncmp(s, "dep:", 4) == 0)
        return strcmp(s + 4, key) == 0;
    return strncmp(s, key, kl) == 0 && (s[kl] == '\0' || s[kl] == '/');
}

/* Is the optional dependency key enabled by the crate's default features (followed through
 * the [features] table)? */
static bool optional_enabled(const struct toml_value *root, const char *key)
{
    const struct toml_value *features = toml_get(root, "features");
    const char *queue[256];
    size_t n = 0;
    queue[n++] = "default";
    for (size_t i = 0; i < n; i++) {
        const struct toml_value *list = toml_get(features, queue[i]);
        if (list == NULL || list->type != TOML_ARRAY)
            continue;
        for (size_t k = 0; k < list->nitems; k++) {
            const char *f = toml_str(list->items[k]);
            if (f == NULL)
                continue;
            if (feature_names_dep(f, key))
                return true;
            bool seen = strchr(f, '/') != NULL || strncmp(f, "dep:", 4) == 0;
            for (size_t q = 0; q < n && !seen; q++)
                seen = strcmp(queue[q], f) == 0;
            if (!seen && n < sizeof queue / sizeof queue[0])
                queue[n++] = f;
        }
    }
    return false;
}

/* Finds a normal (not dev, not build) dependency by crate name, in [dependencies] or any
 * [target.X.dependencies], following workspace = true to the root. An optional dependency
 * counts only when the default features turn it on. */
static bool find_dep_opt(const struct manifest *m, const char *name, struct dep *out,
                         bool any_optional);
static bool dep_resolve(const struct manifest *m, struct dep *out, bool any_optional);

static bool find_dep(const struct manifest *m, const char *name, struct dep *out)
{
    return find_dep_opt(m, name, out, false);
}

/* any_optional: an optional dependency counts whatever the features say. */
static bool find_dep_opt(const struct manifest *m, const char *name, struct dep *out,
                         bool any_optional)
{
    const struct toml_value *root = m->file->doc.root;
    memset(out, 0, sizeof *out);
    bool found = dep_in_table(toml_get(root, "dependencies"), name, &out->kv);
    const struct toml_value *targets = toml_get(root, "target");
    if (!found && targets != NULL && targets->type == TOML_TABLE)
        for (size_t i = 0; i < targets->nkvs && !found; i++)
            found = dep_in_table(toml_get(targets->kvs[i].value, "dependencies"), name, &out->kv);
    return found && dep_resolve(m, out, any_optional);
}

/* The rest of find_dep, for out->kv found: false when it is an optional dependency that no
 * default feature enables; fills in the workspace entry it inherits from. */
static bool dep_resolve(const struct manifest *m, struct dep *out, bool any_optional)
{
    const struct toml_value *root = m->file->doc.root;
    const struct toml_value *opt = toml_get(out->kv->value, "optional");
    if (opt != NULL && opt->type == TOML_BOOL && opt->b && !any_optional &&
        !optional_enabled(root, out->kv->key))
        return false;
    const struct toml_value *wsflag = toml_get(out->kv->value, "workspace");
    if (wsflag != NULL && wsflag->type == TOML_BOOL && wsflag->b && m->root != NULL) {
        const struct toml_value *wdeps =
            toml_path(m->root->file->doc.root, "workspace", "dependencies", NULL);
        const struct toml_kv *w = toml_find(wdeps, out->kv->key);
        if (w != NULL) {
            out->ws = w;
            out->ws_file = m->root->file;
        }
    }
    return true;
}

/* Calls fn for every string of the entry's features (member and workspace). */
static void dep_features(const struct dep *d, const struct manifest *m,
                         void (*fn)(void *arg, const struct toml_value *item, const char *path),
                         void *arg)
{
    const struct toml_kv *entries[2] = {d->kv, d->ws};
    const char *paths[2] = {m->file->path, d->ws_file ? d->ws_file->path : NULL};
    for (int e = 0; e < 2; e++) {
        if (entries[e] == NULL)
            continue;
        const struct toml_value *f = toml_get(entries[e]->value, "features");
        if (f == NULL || f->type != TOML_ARRAY)
            continue;
        for (size_t i = 0; i < f->nitems; i++)
            if (f->items[i]->type == TOML_STRING)
                fn(arg, f->items[i], paths[e]);
    }
}

/* ---- manifests and workspaces ---- */

static struct manifest *load_manifest(struct ctx *c, const char *dir, bool quiet_missing)
{
    char *real = real_or_copy(dir);
    for (size_t i = 0; i < c->nmans; i++) {
        if (strcmp(c->mans[i]->real_dir, real) == 0) {
            free(real);
            return c->mans[i];
        }
    }
    char *path = path_join(dir, "Cargo.toml");
    struct tfile *f = load_toml(c, path, quiet_missing);
    free(path);
    if (f == NULL) {
        free(real);
        return NULL;
    }
    struct manifest *m = xcalloc(1, sizeof *m);
    m->dir = xstrdup(dir);
    m->real_dir = real;
    m->file = f;
    m->scanned = -1;
    c->mans = xgrow(c->mans, &c->capmans, c->nmans + 1, sizeof *c->mans);
    c->mans[c->nmans++] = m;
    return m;
}

/* Is member (a directory) listed in the root's workspace.exclude? */
static bool excluded(const struct manifest *root, const struct manifest *member)
{
    const struct toml_value *ex = toml_path(root->file->doc.root, "workspace", "exclude", NULL);
    if (ex == NULL || ex->type != TOML_ARRAY)
        return false;
    size_t rl = strlen(root->real_dir);
    if (strncmp(member->real_dir, root->real_dir, rl) != 0 || member->real_dir[rl] != '/')
        return false;
    const char *rel = member->real_dir + rl + 1;
    for (size_t i = 0; i < ex->nitems; i++) {
        const char *s = toml_str(ex->items[i]);
        size_t sl = s ? strlen(s) : 0;
        while (sl > 0 && s[sl - 1] == '/')
            sl--;
        if (s != NULL && strncmp(rel, s, sl) == 0 && (rel[sl] == '\0' || rel[sl] == '/'))
            return true;
    }
    return false;
}

static void resolve_root(struct ctx *c, struct manifest *m)
{
    if (m->root_done)
        return;
    m->root_done = true;
    const struct toml_value *doc = m->file->doc.root;
    if (toml_get(doc, "workspace") != NULL) {
        m->root = m;
        return;
    }
    const char *explicit_ws = toml_str(toml_path(doc, "package", "workspace", NULL));
    if (explicit_ws != NULL) {
        char *d = explicit_ws[0] == '/' ? xstrdup(explicit_ws) : path_join(m->dir, explicit_ws);
        struct manifest *r = load_manifest(c, d, true);
        free(d);
        if (r != NULL && toml_get(r->file->doc.root, "workspace") != NULL)
            m->root = r;
        return;
    }
    char *dir = xstrdup(m->dir);
    for (int i = 0; i < MAX_ANCESTORS; i++) {
        char *up = parent_of(dir);
        char *real_up = real_or_copy(up);
        char *real_dir = real_or_copy(dir);
        bool top = strcmp(real_up, real_dir) == 0;
        free(real_up);
        free(real_dir);
        free(dir);
        dir = up;
        if (top)
            break;
        struct manifest *r = load_manifest(c, dir, true);
        if (r != NULL && toml_get(r->file->doc.root, "workspace") != NULL) {
            if (!excluded(r, m))
                m->root = r;
            break;
        }
    }
    free(dir);
}

/* ---- the crate model ---- */

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Reads a small text file (up to 1 MB); NULL when it is not one. */
static char *read_small(const char *path, size_t *len)
{
    char *buf;
    if (!is_file(path) || !file_read_all(path, 1u << 20, &buf, len, NULL))
        return NULL;
    return buf;
}

static bool has_any(const char *buf, size_t len, const char *const *needles)
{
    for (const char *const *n = needles; *n; n++)
        if (memmem(buf, len, *n, strlen(*n)) != NULL)
            return true;
    return false;
}

static size_t ancestors(struct ctx *c, const char *dir, char **out);
static bool project_has(struct ctx *c, const char *top, const char *const *marks, const char *tag);

/* Calls fn for each normal dependency entry ([dependencies], [target.*.dependencies]). */
static void each_dep(const struct manifest *m, void (*fn)(void *arg, const struct toml_kv *kv),
                     void *arg)
{
    const struct toml_value *root = m->file->doc.root;
    const struct toml_value *tables[64];
    size_t nt = 0;
    tables[nt++] = toml_get(root, "dependencies");
    const struct toml_value *targets = toml_get(root, "target");
    if (targets != NULL && targets->type == TOML_TABLE)
        for (size_t i = 0; i < targets->nkvs && nt < 64; i++)
            tables[nt++] = toml_get(targets->kvs[i].value, "dependencies");
    for (size_t t = 0; t < nt; t++)
        if (tables[t] != NULL && tables[t]->type == TOML_TABLE)
            for (size_t i = 0; i < tables[t]->nkvs; i++)
                fn(arg, &tables[t]->kvs[i]);
}

struct pathdeps {
    const struct manifest *m;
    char **dirs;
    size_t n, cap;
};

static void add_path_dep(void *arg, const struct toml_kv *kv)
{
    struct pathdeps *pd = arg;
    const char *p = toml_str(toml_get(kv->value, "path"));
    const char *base = pd->m->dir;
    const struct toml_value *ws = toml_get(kv->value, "workspace");
    if (p == NULL && ws != NULL && ws->type == TOML_BOOL && ws->b && pd->m->root != NULL) {
        const struct toml_kv *w = toml_find(
            toml_path(pd->m->root->file->doc.root, "workspace", "dependencies", NULL), kv->key);
        p = w ? toml_str(toml_get(w->value, "path")) : NULL;
        base = pd->m->root->dir;
    }
    if (p == NULL)
        return;
    pd->dirs = xgrow(pd->dirs, &pd->cap, pd->n + 1, sizeof *pd->dirs);
    pd->dirs[pd->n++] = p[0] == '/' ? xstrdup(p) : path_join(base, p);
}

static const char *const runtime_crates[] = {"lambda_runtime", "lambda_http", "lambda-web",
                                             "poem-lambda", NULL};

static bool reaches_directly(const struct manifest *m, bool any_optional)
{
    struct dep d;
    for (const char *const *n = runtime_crates; *n; n++)
        if (find_dep_opt(m, *n, &d, any_optional))
            return true;
    return false;
}

struct depscan {
    bool slow, aws;
};

static void slow_dep(void *arg, const struct toml_kv *kv)
{
    static const char *const aws[] = {"aws-sdk-", "aws_sdk_", "rusoto_", "aws-config", NULL};
    static const char *const names[] = {
        "reqwest", "sqlx",           "diesel",        "diesel-async",
        "redis",   "tokio-postgres", "postgres",      "mongodb",
        "surf",    "ureq",           "isahc",         "lapin",
        "rdkafka", "sea-orm",        "tonic",         "hyper",
        "image",   "thumbnailer",    "rayon",         "printpdf",
        "lopdf",   "scylla",         "elasticsearch", "attohttpc",
        "curl",    "deltalake",      "polars",        "datafusion",
        NULL};
    struct depscan *d = arg;
    const char *name = dep_real_name(kv);
    for (const char *const *p = aws; *p; p++)
        if (strncmp(name, *p, strlen(*p)) == 0)
            d->aws = true;
    for (const char *const *n = names; *n; n++)
        if (same_crate_name(name, *n))
            d->slow = true;
}

/* An integration-test or end-to-end crate, by its name or its directory's. */
static bool test_name(const char *s)
{
    if (s == NULL)
        return false;
    size_t n = strlen(s);
    return strstr(s, "integration-test") || strstr(s, "integration_test") || strstr(s, "e2e") ||
           strcmp(s, "tests") == 0 || strcmp(s, "test") == 0 ||
           (n > 6 && (strcmp(s + n - 6, "-tests") == 0 || strcmp(s + n - 6, "_tests") == 0));
}

static const char *last_component(const char *dir, char *buf, size_t n)
{
    size_t l = strlen(dir);
    while (l > 1 && dir[l - 1] == '/')
        l--;
    size_t b = l;
    while (b > 0 && dir[b - 1] != '/')
        b--;
    size_t k = l - b < n - 1 ? l - b : n - 1;
    memcpy(buf, dir + b, k);
    buf[k] = '\0';
    return buf;
}

#define SRC_SCAN_MAX_FILES 400

/* Reads the Rust sources under dir (recursively, up to a bound) for tests and a subscriber:
 * bit 1 subscriber; *test_files counts the files with tests. */
static int scan_sources(struct ctx *c, const char *dir, int depth, size_t *budget,
                        size_t *test_files)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return 0;
    int found = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && *budget > 0) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "target") == 0)
            continue;
        char *p = path_join(dir, e->d_name);
        size_t n = strlen(e->d_name);
        if (is_dir(p)) {
            if (depth < 6)
                found |= scan_sources(c, p, depth + 1, budget, test_files);
        } else if (n > 3 && strcmp(e->d_name + n - 3, ".rs") == 0) {
            (*budget)--;
            size_t len;
            char *buf = read_small(p, &len);
            if (buf != NULL) {
                static const char *const tests[] = {"#[test]", "#[tokio::test", "#[cfg(test)]",
                                                    "#[rstest", NULL};
                if (has_any(buf, len, tests))
                    (*test_files)++;
                if (c->subscriber != NULL && c->subscriber(c->ud, buf, len))
                    found |= 2;
                free(buf);
            }
        }
        free(p);
    }
    closedir(d);
    return found;
}

static int dep_facts(struct ctx *c, struct manifest *m)
{
    if (m->scanned >= 0)
        return m->scanned;
    size_t budget = SRC_SCAN_MAX_FILES;
    int f = 0;
    static const char *const sub[] = {"src", "tests"};
    for (int i = 0; i < 2; i++) {
        size_t test_files = 0;
        char *p = path_join(m->dir, sub[i]);
        f |= scan_sources(c, p, 0, &budget, &test_files);
        free(p);
        /* the logic is tested there: integration tests, or unit tests across the crate (one
         * tested type says little about the code the function calls) */
        if ((i == 1 && test_files > 0) || test_files >= 3)
            f |= 1;
    }
    m->scanned = f;
    return f;
}

static void crate_info(struct ctx *c, struct manifest *m, int depth);

/* The runtime's own crates (a path dependency in the runtime's repository and its forks):
 * their tests and their subscriber helpers are not the function's. */
static bool runtime_itself(const struct manifest *m)
{
    static const char *const names[] = {
        "lambda_runtime",    "lambda_http", "lambda_extension", "lambda_runtime_api_client",
        "aws_lambda_events", "lambda-web",  "poem-lambda",      NULL};
    const char *name = toml_str(toml_path(m->file->doc.root, "package", "name", NULL));
    for (const char *const *n = names; name && *n; n++)
        if (same_crate_name(name, *n))
            return true;
    return false;
}

/* Tests and subscribers in the crate's path dependencies, followed transitively (their
 * sources are read only when a rule asks). */
static int deps_facts(struct ctx *c, struct manifest *m, int depth, unsigned epoch)
{
    int f = 0;
    struct pathdeps pd = {m, NULL, 0, 0};
    each_dep(m, add_path_dep, &pd);
    for (size_t i = 0; i < pd.n; i++) {
        struct manifest *dm = load_manifest(c, pd.dirs[i], true);
        if (dm != NULL && dm != m && dm->visit != epoch) {
            dm->visit = epoch;
            resolve_root(c, dm);
            if (!runtime_itself(dm))
                f |= dep_facts(c, dm) | (depth < 4 ? deps_facts(c, dm, depth + 1, epoch) : 0);
        }
        free(pd.dirs[i]);
    }
    free(pd.dirs);
    return f;
}

/* Follows the crate's path dependencies: what they reach and what work they do. */
static void follow_path_deps(struct ctx *c, struct manifest *m, int depth, bool *wrapper,
                             bool *slow, bool *aws)
{
    struct pathdeps pd = {m, NULL, 0, 0};
    each_dep(m, add_path_dep, &pd);
    for (size_t i = 0; i < pd.n; i++) {
        struct manifest *dm = load_manifest(c, pd.dirs[i], true);
        if (dm != NULL && dm != m && !dm->info_busy) {
            resolve_root(c, dm);
            if (depth < 4)
                crate_info(c, dm, depth + 1);
            if (dm->info_done && !runtime_itself(dm)) {
                /* a helper whose runtime is behind one of its features (an observability
                 * crate's "aws-lambda") does not make its users Lambda crates */
                *wrapper |=
                    dm->info.reach == CONFIG_REACH_DIRECT || dm->info.reach == CONFIG_REACH_WRAPPER;
                *slow |= dm->info.slow_work;
                *aws |= dm->info.aws_calls;
            }
        }
        free(pd.dirs[i]);
    }
    free(pd.dirs);
}

static void crate_info(struct ctx *c, struct manifest *m, int depth)
{
    if (m->info_done || m->info_busy)
        return;
    m->info_busy = true;
    struct config_crate *ci = &m->info;
    memset(ci, 0, sizeof *ci);
    const struct toml_value *doc = m->file->doc.root;
    ci->package = toml_get(doc, "package") != NULL;
    char *p = path_join(m->dir, "src/main.rs");
    char *b = path_join(m->dir, "src/bin");
    char *l = path_join(m->dir, "src/lib.rs");
    const struct toml_value *bins = toml_get(doc, "bin");
    bool lib = is_file(l) || toml_get(doc, "lib") != NULL;
    ci->bin = is_file(p) || is_dir(b) ||
              (bins != NULL && bins->type == TOML_ARRAY && bins->nitems) ||
              !lib; /* a manifest alone: take it for what it says it depends on */
    free(p);
    free(b);
    free(l);
    char last[256];
    ci->test_only = test_name(toml_str(toml_path(doc, "package", "name", NULL))) ||
                    test_name(last_component(m->dir, last, sizeof last));
    struct depscan ds = {false, false};
    each_dep(m, slow_dep, &ds);
    ci->slow_work = ds.slow;
    ci->aws_calls = ds.aws;
    if (reaches_directly(m, false))
        ci->reach = CONFIG_REACH_DIRECT;
    else if (reaches_directly(m, true))
        ci->reach = CONFIG_REACH_OPTIONAL;
    bool wrapper = false;
    follow_path_deps(c, m, depth, &wrapper, &ci->slow_work, &ci->aws_calls);
    if (ci->reach == CONFIG_REACH_NONE && wrapper)
        ci->reach = CONFIG_REACH_WRAPPER;
    if (ci->reach == CONFIG_REACH_NONE && ci->bin) {
        static const char *const web[] = {"axum", "actix-web", "rocket", "warp",
                                          "poem", "salvo",     "hyper",  NULL};
        static const char *const lwa[] = {"lambda-adapter", "aws-lambda-web-adapter",
                                          "LambdaAdapterLayer", NULL};
        bool server = false;
        struct dep d;
        for (const char *const *n = web; *n && !server; n++)
            server = find_dep(m, *n, &d);
        /* the adapter is a layer or an extension copied into the image: named in a
         * Dockerfile, a template, Terraform or CDK code of the crate's project */
        if (server) {
            char *anc[MAX_ANCESTORS];
            size_t n = ancestors(c, m->dir, anc);
            if (project_has(c, anc[n - 1], lwa, "adapter"))
                ci->reach = CONFIG_REACH_ADAPTER;
            for (size_t i = 0; i < n; i++)
                free(anc[i]);
        }
    }
    m->info_busy = false;
    m->info_done = true;
}

bool config_crate_is_function(const struct config_crate *c)
{
    return c->package && c->bin && c->reach != CONFIG_REACH_NONE;
}

/* ---- how a crate is built ---- */

enum { BUILD_UNKNOWN, BUILD_CARGO_LAMBDA, BUILD_PLAIN };

static const char *const cargo_lambda_marks[] = {"cargo lambda ",
                                                 "cargo-lambda",
                                                 "cargo_lambda",
                                                 "rust-cargolambda",
                                                 "RustFunction",
                                                 "target/lambda/",
                                                 NULL};

/* cargo-lambda's output directory spelled in pieces by deploy code: `Path.cwd() / "target" /
 * "lambda" / name` (pathlib), `path.join("target", "lambda", name)`: a quoted "target" and
 * then, a few separators on, a quoted "lambda". */
static bool target_lambda_pieces(const char *buf, size_t len)
{
    for (const char *p = buf, *end = buf + len;
         p < end && (p = memmem(p, (size_t)(end - p), "target", 6)) != NULL; p += 6) {
        if (p == buf || (p[-1] != '"' && p[-1] != '\'') || p + 7 >= end || p[6] != p[-1])
            continue;
        const char *q = p + 7;
        for (int n = 0; q < end && n < 8 && strchr(" \t/,+", *q) != NULL; n++)
            q++;
        if (q + 8 <= end && (*q == '"' || *q == '\'') && memcmp(q + 1, "lambda", 6) == 0 &&
            q[7] == *q)
            return true;
    }
    return false;
}

/* Does a build or deploy file say cargo-lambda builds the crate? */
static bool names_cargo_lambda(const char *buf, size_t len)
{
    return has_any(buf, len, cargo_lambda_marks) || target_lambda_pieces(buf, len);
}

/* A plain `cargo build --release` (or cross / zigbuild) in a build file; in a Dockerfile any
 * cargo build counts. */
static bool other_package(const char *l, size_t n, const char *pkg);

static bool plain_build(const char *buf, size_t len, bool dockerfile, const char *pkg)
{
    for (const char *l = buf, *end = buf + len; l < end;) {
        const char *e = memchr(l, '\n', (size_t)(end - l));
        if (e == NULL)
            e = end;
        size_t n = (size_t)(e - l);
        bool cargo = memmem(l, n, "cargo build", 11) || memmem(l, n, "cargo zigbuild", 14) ||
                     memmem(l, n, "cross build", 11);
        bool release =
            memmem(l, n, "--release", 9) || memmem(l, n, " -r", 3) || memmem(l, n, "--profile", 9);
        if (cargo && (release || dockerfile) && !other_package(l, n, pkg))
            return true;
        l = e + 1;
    }
    return false;
}

/* Does the command line build only some other package (`-p name`, `--package name`)? */
static bool other_package(const char *l, size_t n, const char *pkg)
{
    static const char *const flags[] = {" -p ", " --package ", " --package=", NULL};
    for (const char *const *f = flags; *f; f++) {
        const char *at = memmem(l, n, *f, strlen(*f));
        if (at == NULL)
            continue;
        const char *name = at + strlen(*f), *end = l + n;
        while (name < end && *name == ' ')
            name++;
        size_t k = 0;
        char buf[128];
        while (name + k < end && k < sizeof buf - 1 && name[k] != ' ' && name[k] != '\t' &&
               name[k] != '\r' && name[k] != ';' && name[k] != '&')
            buf[k] = name[k], k++;
        buf[k] = '\0';
        return pkg == NULL || !same_crate_name(buf, pkg);
    }
    return false;
}

/* What a build file's name says it is: 1 a build script or config, 2 a README, 0 neither. */
static int build_file_kind(const char *nm)
{
    static const char *const names[] = {
        "Makefile",      "makefile",      "GNUmakefile",    "justfile",       "Justfile",
        ".justfile",     "Makefile.toml", "Taskfile.yml",   "Taskfile.yaml",  "package.json",
        "template.yaml", "template.yml",  "serverless.yml", "samconfig.toml", NULL};
    static const char *const exts[] = {".sh", ".bash", ".ps1", NULL};
    for (const char *const *n = names; *n; n++)
        if (strcmp(nm, *n) == 0)
            return 1;
    size_t n = strlen(nm);
    for (const char *const *x = exts; *x; x++) {
        size_t xl = strlen(*x);
        if (n > xl && strcmp(nm + n - xl, *x) == 0)
            return 1;
    }
    if (strncmp(nm, "buildspec", 9) == 0 || strncmp(nm, "Dockerfile", 10) == 0)
        return 1;
    if (strncasecmp(nm, "readme", 6) == 0)
        return 2;
    return 0;
}

/* The evidence in one directory: cargo-lambda named by any build file or README wins over a
 * plain cargo build of this package (Dockerfile, Makefile, scripts, buildspecs). */
static int dir_evidence(struct ctx *c, const char *dir, const char *pkg)
{
    char *dreal = real_or_copy(dir);
    char *real = xasprintf("%s|%s", dreal, pkg ? pkg : "");
    free(dreal);
    for (size_t i = 0; i < c->nhows; i++) {
        if (strcmp(c->hows[i].real, real) == 0) {
            free(real);
            return c->hows[i].how;
        }
    }
    bool cl = false, plain = false;
    DIR *d = opendir(dir);
    struct dirent *e;
    for (int seen = 0; d != NULL && !cl && (e = readdir(d)) != NULL && seen < 2000; seen++) {
        int kind = build_file_kind(e->d_name);
        if (kind == 0)
            continue;
        char *p = path_join(dir, e->d_name);
        size_t len;
        char *buf = read_small(p, &len);
        free(p);
        if (buf == NULL)
            continue;
        if (names_cargo_lambda(buf, len))
            cl = true;
        else if (kind == 1 && plain_build(buf, len, strncmp(e->d_name, "Dockerfile", 10) == 0, pkg))
            plain = true;
        free(buf);
    }
    if (d != NULL)
        closedir(d);
    int how = cl ? BUILD_CARGO_LAMBDA : plain ? BUILD_PLAIN : BUILD_UNKNOWN;
    c->hows = xgrow(c->hows, &c->caphows, c->nhows + 1, sizeof *c->hows);
    c->hows[c->nhows].real = real;
    c->hows[c->nhows++].how = how;
    return how;
}

/* Anywhere in the project (CI workflows, buildspecs, CDK and Terraform code, templates, build
 * scripts a few levels down): does a file name one of marks (cargo-lambda, the adapter)? */
static bool project_mentions(const char *dir, int depth, size_t *budget, const char *const *marks)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return false;
    bool yes = false;
    struct dirent *e;
    while (!yes && (e = readdir(d)) != NULL && *budget > 0) {
        const char *nm = e->d_name;
        if (strcmp(nm, ".") == 0 || strcmp(nm, "..") == 0)
            continue;
        (*budget)--;
        char *p = path_join(dir, nm);
        size_t n = strlen(nm);
        if (is_dir(p)) {
            static const char *const skip[] = {"target", "node_modules", "cdk.out", "vendor",
                                               "dist",   ".git",         NULL};
            bool skipped =
                nm[0] == '.' && strcmp(nm, ".github") != 0 && strcmp(nm, "workflows") != 0;
            for (const char *const *s = skip; *s && !skipped; s++)
                skipped = strcmp(nm, *s) == 0;
            if (!skipped && depth < 4)
                yes = project_mentions(p, depth + 1, budget, marks);
        } else {
            static const char *const exts[] = {".yml", ".yaml", ".ts",   ".js", ".py", ".sh",
                                               ".md",  ".toml", ".json", ".tf", NULL};
            bool want = strcmp(nm, "Makefile") == 0 || strcmp(nm, "justfile") == 0 ||
                        strcmp(nm, "Dockerfile") == 0;
            for (const char *const *x = exts; *x && !want; x++) {
                size_t xl = strlen(*x);
                want = n > xl && strcmp(nm + n - xl, *x) == 0;
            }
            if (want && strcmp(nm, "Cargo.toml") != 0 && strcmp(nm, "Cargo.lock") != 0 &&
                strcmp(nm, "package-lock.json") != 0) {
                size_t len;
                char *buf = read_small(p, &len);
                yes = buf != NULL && (marks == cargo_lambda_marks ? names_cargo_lambda(buf, len)
                                                                  : has_any(buf, len, marks));
                free(buf);
            }
        }
        free(p);
    }
    closedir(d);
    return yes;
}

/* project_mentions once per project and kind of mark (cached with the build evidence). */
static bool project_has(struct ctx *c, const char *top, const char *const *marks, const char *tag)
{
    char *real = real_or_copy(top);
    char *key = xasprintf("%s:%s", tag, real);
    free(real);
    for (size_t i = 0; i < c->nhows; i++) {
        if (strcmp(c->hows[i].real, key) == 0) {
            free(key);
            return c->hows[i].how != 0;
        }
    }
    size_t budget = 5000;
    bool yes = project_mentions(top, 0, &budget, marks);
    c->hows = xgrow(c->hows, &c->caphows, c->nhows + 1, sizeof *c->hows);
    c->hows[c->nhows].real = key;
    c->hows[c->nhows++].how = yes;
    return yes;
}

static bool is_root(struct ctx *c, const char *real)
{
    for (size_t i = 0; i < c->nroots; i++)
        if (strcmp(c->roots[i], real) == 0)
            return true;
    return false;
}

/* dir and its ancestors up to the project top (the directory holding .git, or the scanned
 * root the directory is under), spelled from dir; without either, dir alone. */
static size_t ancestors(struct ctx *c, const char *dir, char **out)
{
    size_t n = 0;
    bool topped = false;
    char *d = xstrdup(dir);
    for (int i = 0; i < MAX_ANCESTORS; i++) {
        out[n++] = d;
        char *git = path_join(d, ".git");
        char *real = real_or_copy(d);
        topped = access(git, F_OK) == 0 || is_root(c, real);
        free(git);
        char *up = parent_of(d);
        char *real_up = real_or_copy(up);
        bool fs_top = strcmp(real_up, real) == 0;
        free(real);
        free(real_up);
        if (topped || fs_top) {
            free(up);
            break;
        }
        d = up;
    }
    if (!topped) {
        for (size_t i = 1; i < n; i++)
            free(out[i]);
        n = 1;
    }
    return n;
}

static int build_how(struct ctx *c, const struct manifest *m)
{
    char *anc[MAX_ANCESTORS];
    size_t n = ancestors(c, m->dir, anc);
    int how = BUILD_UNKNOWN;
    const char *pkg = toml_str(toml_path(m->file->doc.root, "package", "name", NULL));
    for (size_t i = 0; i < n && how == BUILD_UNKNOWN; i++)
        how = dir_evidence(c, anc[i], pkg);
    if (how == BUILD_UNKNOWN && project_has(c, anc[n - 1], cargo_lambda_marks, "cargo-lambda"))
        how = BUILD_CARGO_LAMBDA;
    for (size_t i = 0; i < n; i++)
        free(anc[i]);
    return how;
}

/* The real path of the project top of dir (see ancestors()). */
static char *top_of(struct ctx *c, const char *dir)
{
    char *anc[MAX_ANCESTORS];
    size_t n = ancestors(c, dir, anc);
    char *top = real_or_copy(anc[n - 1]);
    for (size_t i = 0; i < n; i++)
        free(anc[i]);
    return top;
}

/* ---- Cargo.toml checks ---- */

static bool lto_ok(const struct toml_value *v)
{
    if (v == NULL)
        return false;
    if (v->type == TOML_BOOL)
        return v->b;
    const char *s = toml_str(v);
    return s != NULL && (strcmp(s, "fat") == 0 || strcmp(s, "thin") == 0);
}

static bool cgu_ok(const struct toml_value *v)
{
    return v != NULL && v->type == TOML_INTEGER && v->i == 1;
}

static bool strip_ok(const struct toml_value *v)
{
    if (v == NULL)
        return false;
    if (v->type == TOML_BOOL)
        return v->b;
    const char *s = toml_str(v);
    return s != NULL && (strcmp(s, "symbols") == 0 || strcmp(s, "debuginfo") == 0);
}

static const struct toml_value *config_profile(struct ctx *c, const char *dir)
{
    char *cfgdir = path_join(dir, ".cargo");
    char *path = path_join(cfgdir, "config.toml");
    struct tfile *f = load_toml(c, path, true);
    free(path);
    if (f == NULL) {
        path = path_join(cfgdir, "config");
        f = load_toml(c, path, true);
        free(path);
    }
    free(cfgdir);
    return f ? toml_path(f->doc.root, "profile", "release", NULL) : NULL;
}

/* cargo-lambda's own configuration: [package.metadata.lambda], the workspace's, or
 * CargoLambda.toml. */
static bool cargo_lambda_configured(const struct manifest *m)
{
    if (toml_path(m->file->doc.root, "package", "metadata", "lambda", NULL) != NULL ||
        (m->root != NULL &&
         toml_path(m->root->file->doc.root, "workspace", "metadata", "lambda", NULL) != NULL))
        return true;
    char *p = path_join(m->dir, "CargoLambda.toml");
    bool yes = is_file(p);
    free(p);
    return yes;
}

static void check_release_profile(struct ctx *c, struct manifest *m)
{
    /* cargo-lambda builds with lto, one codegen unit and strip whatever the profile says */
    if (cargo_lambda_configured(m) || build_how(c, m) == BUILD_CARGO_LAMBDA)
        return;
    struct manifest *src = m->root ? m->root : m;
    const struct toml_value *prof = toml_path(src->file->doc.root, "profile", "release", NULL);
    /* profiles may also come from .cargo/config.toml in the crate or the workspace root */
    const struct toml_value *cfg[2] = {config_profile(c, m->dir),
                                       src != m ? config_profile(c, src->dir) : NULL};
    const struct toml_value *all[3] = {prof, cfg[0], cfg[1]};
    bool lto = false, cgu = false, strip = false, any = false;
    for (int i = 0; i < 3; i++) {
        if (all[i] == NULL || all[i]->type != TOML_TABLE)
            continue;
        any = true;
        lto |= lto_ok(toml_get(all[i], "lto"));
        cgu |= cgu_ok(toml_get(all[i], "codegen-units"));
        strip |= strip_ok(toml_get(all[i], "strip"));
    }
    if (!any) {
        char *d = src != m ? xasprintf("the workspace root has no [profile.release] (member "
                                       "profiles are ignored by cargo)")
                           : xstrdup("Cargo.toml has no [profile.release]");
        emit(c, "no-release-profile", src->file->path, 1, 1, d);
        free(d);
        return;
    }
    if (lto && cgu && strip)
        return;
    char missing[64] = "";
    const char *names[3] = {"lto", "codegen-units = 1", "strip"};
    bool have[3] = {lto, cgu, strip};
    for (int i = 0; i < 3; i++) {
        if (have[i])
            continue;
        if (missing[0])
            strcat(missing, ", ");
        strcat(missing, names[i]);
    }
    char *d = xasprintf("[profile.release] lacks %s", missing);
    int line = 1, col = 1;
    if (prof != NULL) {
        line = prof->line;
        col = prof->col;
    }
    emit(c, "no-release-profile", src->file->path, line, col, d);
    free(d);
}

struct feat_arg {
    struct ctx *c;
    const char *rule;
    const char *const *bad;  /* NULL-terminated */
    const char *detail_fmt;  /* one %s: the feature; NULL: no detail */
    const char *member_path; /* findings elsewhere say they come from the workspace */
};

static void flag_feature(void *arg, const struct toml_value *item, const char *path)
{
    const struct feat_arg *a = arg;
    for (const char *const *b = a->bad; *b; b++) {
        if (strcmp(item->str, *b) == 0) {
            char *d = a->detail_fmt ? xasprintf(a->detail_fmt, item->str) : NULL;
            if (d == NULL && strcmp(path, a->member_path) != 0)
                d = xstrdup("set in the workspace's [workspace.dependencies]");
            emit(a->c, a->rule, path, item->line, item->col, d);
            free(d);
            return;
        }
    }
}

static void check_tokio(struct ctx *c, const struct manifest *m)
{
    struct dep d;
    if (!find_dep(m, "tokio", &d))
        return;
    static const char *const bad[] = {"full", NULL};
    struct feat_arg a = {c, "tokio-full", bad, NULL, m->file->path};
    dep_features(&d, m, flag_feature, &a);
}

/* "0.12", "^0.11.3", "=0.13" ... -> major, minor; false when it cannot tell. */
static bool version_of(const char *v, long *major, long *minor)
{
    if (v == NULL)
        return false;
    while (*v == '^' || *v == '~' || *v == '=' || *v == ' ' || *v == '>' || *v == '<')
        v++;
    char *end;
    *major = strtol(v, &end, 10);
    if (end == v)
        return false;
    if (*end != '.') {
        *minor = -1;
        return *major > 0;
    }
    const char *m = end + 1;
    *minor = strtol(m, &end, 10);
    return end != m;
}

/* Any other dependency's TLS features that pull in OpenSSL (sqlx runtime-tokio-native-tls,
 * redis tokio-native-tls-comp, mongodb openssl-tls, lettre native-tls ...). */
static void tls_feature(void *arg, const struct toml_value *item, const char *path)
{
    struct ctx *c = arg;
    if ((strstr(item->str, "native-tls") == NULL && strstr(item->str, "openssl") == NULL) ||
        strstr(item->str, "vendored") != NULL)
        return;
    char *det = xasprintf("feature \"%s\" builds OpenSSL", item->str);
    emit(c, "openssl-tls", path, item->line, item->col, det);
    free(det);
}

struct tls_arg {
    struct ctx *c;
    const struct manifest *m;
};

/* firsts maps each crate name (- as _) to the first entry that names it, which is the one
 * find_dep would find: one pass instead of a find_dep per entry (quadratic in entries). */
static void tls_in_table(const struct toml_value *deps, struct tls_arg *a, struct strmap *firsts,
                         char ***names, size_t *nnames, size_t *capnames)
{
    if (deps == NULL || deps->type != TOML_TABLE)
        return;
    for (size_t i = 0; i < deps->nkvs; i++) {
        const char *name = dep_real_name(&deps->kvs[i]);
        if (same_crate_name(name, "reqwest"))
            continue; /* reqwest has its own, version-aware check */
        char *norm = xstrdup(name);
        for (char *p = norm; *p; p++)
            if (*p == '-')
                *p = '_';
        if (!strmap_put(firsts, norm, 0)) {
            free(norm);
            continue; /* an earlier entry names the same crate */
        }
        *names = xgrow(*names, capnames, *nnames + 1, sizeof **names);
        (*names)[(*nnames)++] = norm;
        struct dep d = {.kv = &deps->kvs[i]};
        if (dep_resolve(a->m, &d, false))
            dep_features(&d, a->m, tls_feature, a->c);
    }
}

static void check_tls_features(struct ctx *c, const struct manifest *m)
{
    struct tls_arg a = {c, m};
    struct strmap firsts = STRMAP_INIT;
    char **names = NULL;
    size_t nnames = 0, capnames = 0;
    const struct toml_value *root = m->file->doc.root;
    tls_in_table(toml_get(root, "dependencies"), &a, &firsts, &names, &nnames, &capnames);
    const struct toml_value *targets = toml_get(root, "target");
    if (targets != NULL && targets->type == TOML_TABLE)
        for (size_t i = 0; i < targets->nkvs; i++)
            tls_in_table(toml_get(targets->kvs[i].value, "dependencies"), &a, &firsts, &names,
                         &nnames, &capnames);
    strmap_finish(&firsts);
    for (size_t i = 0; i < nnames; i++)
        free(names[i]);
    free(names);
}

static void has_vendored(void *arg, const struct toml_value *item, const char *path)
{
    (void)path;
    if (strstr(item->str, "vendored") != NULL)
        *(bool *)arg = true;
}

/* openssl / native-tls built from source with the `vendored` feature: statically linked,
 * nothing to find on the Lambda image, so the rule's consequence does not apply. */
static bool vendored(const struct dep *d)
{
    bool yes = false;
    const struct toml_kv *entries[2] = {d->kv, d->ws};
    for (int e = 0; e < 2; e++) {
        const struct toml_value *f = entries[e] ? toml_get(entries[e]->value, "features") : NULL;
        if (f == NULL || f->type != TOML_ARRAY)
            continue;
        for (size_t i = 0; i < f->nitems; i++)
            if (f->items[i]->type == TOML_STRING)
                has_vendored(&yes, f->items[i], NULL);
    }
    return yes;
}

static void check_tls(struct ctx *c, const struct manifest *m)
{
    struct dep d;
    /* a vendored openssl / openssl-sys / native-tls anywhere in the crate's dependencies turns
     * the feature on for the whole build: every OpenSSL user links the vendored copy */
    static const char *const vendorable[] = {"openssl", "openssl-sys", "native-tls", NULL};
    for (const char *const *n = vendorable; *n; n++)
        if (find_dep(m, *n, &d) && vendored(&d))
            return;
    if (find_dep(m, "reqwest", &d)) {
        /* the workspace entry governs version and default features when workspace = true */
        const struct toml_kv *gov = d.ws ? d.ws : d.kv;
        const char *gov_path = d.ws ? d.ws_file->path : m->file->path;
        const char *version = gov->value->type == TOML_STRING
                                  ? gov->value->str
                                  : toml_str(toml_get(gov->value, "version"));
        const struct toml_value *df = toml_get(gov->value, "default-features");
        if (df == NULL)
            df = toml_get(gov->value, "default_features");
        bool defaults = !(df != NULL && df->type == TOML_BOOL && !df->b);
        long major, minor;
        /* reqwest 0.13 made rustls its default TLS; up to 0.12 the default is native-tls */
        bool old = version_of(version, &major, &minor) && major == 0 && minor >= 0 && minor <= 12;
        if (old && defaults && !vendored(&d)) {
            char *det = xasprintf("reqwest %s with its default features builds native-tls "
                                  "(OpenSSL)",
                                  version);
            emit(c, "openssl-tls", gov_path, gov->line, gov->col, det);
            free(det);
        }
        static const char *const bad_old[] = {"native-tls", "native-tls-alpn", "native-tls-crate",
                                              "default-tls", NULL};
        static const char *const bad_new[] = {"native-tls", "native-tls-alpn", "native-tls-crate",
                                              NULL};
        const char *const *bad = old ? bad_old : bad_new;
        struct feat_arg a = {c, "openssl-tls", bad, "reqwest feature \"%s\" builds OpenSSL",
                             m->file->path};
        dep_features(&d, m, flag_feature, &a);
    }
    check_tls_features(c, m);
    static const char *const direct[] = {"openssl",   "openssl-sys",      "native-tls",
                                         "hyper-tls", "tokio-native-tls", NULL};
    for (const char *const *n = direct; *n; n++) {
        if (!find_dep(m, *n, &d) || vendored(&d))
            continue;
        char *det = xasprintf("depends on %s", *n);
        emit(c, "openssl-tls", m->file->path, d.kv->line, d.kv->col, det);
        free(det);
    }
}

static bool has_dep(const struct manifest *m, const char *name)
{
    struct dep d;
    return find_dep(m, name, &d);
}

/* Crates that only build or run on x86: a function using them cannot move to arm64. */
static bool x86_only(const struct manifest *m)
{
    static const char *const names[] = {
        "intel-mkl-src", "intel-mkl-sys", "intel-mkl-tool", "ipp-sys", "x86", "raw-cpuid", NULL};
    for (const char *const *n = names; *n; n++)
        if (has_dep(m, *n))
            return true;
    return false;
}

/* cargo-lambda deploy metadata: [package.metadata.lambda.deploy], else the workspace's. */
static void check_cargo_lambda_deploy(struct ctx *c, const struct manifest *m)
{
    const struct toml_value *d =
        toml_path(m->file->doc.root, "package", "metadata", "lambda", "deploy", NULL);
    const char *path = m->file->path;
    if (d == NULL && m->root != NULL) {
        d = toml_path(m->root->file->doc.root, "workspace", "metadata", "lambda", "deploy", NULL);
        path = m->root->file->path;
    }
    if (d == NULL || d->type != TOML_TABLE)
        return;
    /* an explicit timeout, 3 included, is a choice: not reported */
    const struct toml_kv *mem = toml_find(d, "memory");
    if (mem != NULL && mem->value->type == TOML_INTEGER &&
        mem->value->i <= CONFIG_RAYON_MAX_LOW_MEMORY_MB && has_dep(m, "rayon")) {
        char *det = xasprintf("cargo-lambda deploy memory = %lld MB with rayon in %s",
                              mem->value->i, m->file->path);
        emit(c, "memory-too-low-for-rayon", path, mem->line, mem->col, det);
        free(det);
    }
}

/* ---- build architecture ---- */

struct build_arch {
    enum deploy_arch arch; /* DEFAULT: not configured */
    char *where;           /* "path:line:col" */
    char *what;            /* "aarch64-unknown-linux-gnu", "arm64 = true" */
};

static enum deploy_arch arch_of_triple(const char *t)
{
    if (t == NULL)
        return DEPLOY_ARCH_UNKNOWN;
    if (strncmp(t, "aarch64-", 8) == 0)
        return DEPLOY_ARCH_ARM64;
    if (strncmp(t, "x86_64-", 7) == 0)
        return DEPLOY_ARCH_X86_64;
    return DEPLOY_ARCH_UNKNOWN;
}

/* cargo-lambda's build options: arm64 = true, x86_64 = true, target = "...". */
static bool lambda_build_arch(const struct toml_value *b, const char *path, struct build_arch *out)
{
    if (b == NULL || b->type != TOML_TABLE)
        return false;
    static const char *const flags[] = {"arm64", "x86_64"};
    for (int i = 0; i < 2; i++) {
        const struct toml_kv *kv = toml_find(b, flags[i]);
        if (kv != NULL && kv->value->type == TOML_BOOL && kv->value->b) {
            out->arch = i == 0 ? DEPLOY_ARCH_ARM64 : DEPLOY_ARCH_X86_64;
            out->where = xasprintf("%s:%d:%d", path, kv->line, kv->col);
            out->what = xasprintf("%s = true", flags[i]);
            return true;
        }
    }
    const struct toml_kv *t = toml_find(b, "target");
    if (t != NULL && toml_str(t->value) != NULL) {
        out->arch = arch_of_triple(t->value->str);
        out->where = xasprintf("%s:%d:%d", path, t->line, t->col);
        out->what = xstrdup(t->value->str);
        return true;
    }
    return false;
}

static bool cargo_config_target(struct ctx *c, const char *dir, struct build_arch *out)
{
    char *cfgdir = path_join(dir, ".cargo");
    static const char *const names[] = {"config.toml", "config"};
    bool found = false;
    for (int i = 0; i < 2 && !found; i++) {
        char *path = path_join(cfgdir, names[i]);
        struct tfile *f = load_toml(c, path, true);
        free(path);
        if (f == NULL)
            continue;
        const struct toml_kv *t = toml_find(toml_get(f->doc.root, "build"), "target");
        if (t == NULL)
            continue;
        found = true;
        out->arch = arch_of_triple(toml_str(t->value)); /* an array of targets: unknown */
        out->where = xasprintf("%s:%d:%d", f->path, t->line, t->col);
        out->what = xstrdup(toml_str(t->value) ? t->value->str : "several targets");
    }
    free(cfgdir);
    return found;
}

static bool cargo_lambda_toml(struct ctx *c, const char *dir, struct build_arch *out)
{
    char *path = path_join(dir, "CargoLambda.toml");
    struct tfile *f = load_toml(c, path, true);
    free(path);
    return f != NULL && lambda_build_arch(toml_get(f->doc.root, "build"), f->path, out);
}

/* The architecture a crate is built for, in cargo-lambda's order of precedence. */
static void build_arch_of(struct ctx *c, const struct manifest *m, struct build_arch *out)
{
    memset(out, 0, sizeof *out);
    const char *rootdir = m->root ? m->root->dir : NULL;
    if (lambda_build_arch(
            toml_path(m->file->doc.root, "package", "metadata", "lambda", "build", NULL),
            m->file->path, out))
        return;
    if (m->root != NULL && lambda_build_arch(toml_path(m->root->file->doc.root, "workspace",
                                                       "metadata", "lambda", "build", NULL),
                                             m->root->file->path, out))
        return;
    if (cargo_config_target(c, m->dir, out) ||
        (rootdir != NULL && m->root != m && cargo_config_target(c, rootdir, out)))
        return;
    if (cargo_lambda_toml(c, m->dir, out) ||
        (rootdir != NULL && m->root != m && cargo_lambda_toml(c, rootdir, out)))
        return;
}

static void build_arch_finish(struct build_arch *b)
{
    free(b->where);
    free(b->what);
}

/* ---- deploy checks ---- */

struct links {
    struct manifest **v;
    size_t n, cap;
};

/* The Lambda crates a function deploys: those under its CodeUri, else the only one of the
 * template's own project (never a crate of another root of the run). */
static void link_function(struct ctx *c, const struct deploy_file *f,
                          const struct deploy_function *fn, struct manifest *const *lambdas,
                          size_t nl, struct links *out, size_t *in_project)
{
    out->n = 0;
    *in_project = 0;
    if (fn->code_dir != NULL) {
        char *real = real_or_copy(fn->code_dir);
        size_t rl = strlen(real);
        for (size_t i = 0; i < nl; i++) {
            const char *d = lambdas[i]->real_dir;
            if (strncmp(d, real, rl) == 0 && (d[rl] == '\0' || d[rl] == '/' || rl == 1)) {
                out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
                out->v[out->n++] = lambdas[i];
            }
        }
        free(real);
        if (out->n > 0) {
            *in_project = out->n;
            return;
        }
    }
    struct manifest *only = NULL;
    size_t same = 0;
    char *fdir = parent_of(f->path);
    char *top = top_of(c, fdir);
    free(fdir);
    size_t tl = strlen(top);
    for (size_t i = 0; i < nl; i++) {
        const char *d = lambdas[i]->real_dir;
        if (strncmp(d, top, tl) == 0 && (d[tl] == '\0' || d[tl] == '/' || tl == 1)) {
            only = lambdas[i];
            same++;
        }
    }
    free(top);
    *in_project = same;
    if (same == 1) {
        out->v = xgrow(out->v, &out->cap, 1, sizeof *out->v);
        out->v[0] = only;
        out->n = 1;
    }
}

/* A CodeUri directory that holds another language's project (Go, Node, Python, Java, C++). */
static bool foreign_code(const char *dir)
{
    static const char *const markers[] = {"go.mod",  "package.json", "requirements.txt",
                                          "pom.xml", "build.gradle", "CMakeLists.txt"};
    if (dir == NULL)
        return false;
    for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++) {
        char *p = path_join(dir, markers[i]);
        bool yes = is_file(p);
        free(p);
        if (yes)
            return true;
    }
    return false;
}

static void check_function(struct ctx *c, const struct deploy_file *f,
                           const struct deploy_function *fn, struct manifest *const *lambdas,
                           size_t nl, struct links *ln)
{
    if (!fn->rust && !fn->provided)
        return;
    size_t in_project;
    link_function(c, f, fn, lambdas, nl, ln, &in_project);
    /* an OS-only runtime is Rust when the function's project holds a Lambda crate */
    if (!fn->rust && (in_project == 0 || foreign_code(fn->code_dir)))
        return;
    /* an integration-test stack: its cost and timeout are not what a review is about */
    bool tests_only = ln->n > 0;
    bool slow = false, aws = false;
    for (size_t i = 0; i < ln->n; i++) {
        tests_only &= ln->v[i]->info.test_only;
        slow |= ln->v[i]->info.slow_work;
        aws |= ln->v[i]->info.aws_calls;
    }
    if (tests_only)
        return;
    const char *tkey = f->kind == DEPLOY_SAM ? "Timeout" : "timeout";
    /* an explicit timeout is a choice (3 s suits a millisecond API handler) unless the
     * function waits on other hosts or computes; unset, it is a warning where the function
     * does I/O or heavy work, nothing where its crate does neither, a note where the crate
     * is unknown */
    if (!fn->timeout.set && (slow || aws || ln->n == 0)) {
        bool io = slow || aws; /* the crate is unknown when not: only a note */
        char *d = xasprintf("function %s has no %s (%s's default is %ld s)%s", fn->name, tkey,
                            f->kind == DEPLOY_SAM ? "Lambda" : "the Serverless Framework",
                            f->default_timeout,
                            io ? "" : "; which crate it deploys is unknown, so only a note");
        emit_as(c, "default-timeout", f->path, fn->timeout.line, fn->timeout.col, d, !io);
        free(d);
    } else if (fn->timeout.known && fn->timeout.value == 3 && slow) {
        /* 3 s chosen for a function that waits on hosts it does not control (an HTTP
         * client, a database) or does CPU-heavy work: worth a second look */
        char *d = xasprintf("%s: 3 for function %s, which calls an HTTP client, a database or "
                            "CPU-heavy code",
                            tkey, fn->name);
        emit(c, "default-timeout", f->path, fn->timeout.line, fn->timeout.col, d);
        free(d);
    }

    bool x86 = fn->arch == DEPLOY_ARCH_DEFAULT || fn->arch == DEPLOY_ARCH_X86_64;
    if (x86) {
        bool can_arm = true;
        for (size_t i = 0; i < ln->n; i++)
            if (x86_only(ln->v[i]))
                can_arm = false;
        if (can_arm) {
            char *d = xasprintf("function %s deploys as %s", fn->name, deploy_arch_name(fn->arch));
            emit(c, "x86-deploy", f->path, fn->arch_line, fn->arch_col, d);
            free(d);
        }
    }

    if (ln->n != 1)
        return;
    struct manifest *m = ln->v[0];
    /* SAM's rust-cargolambda build passes --arm64 for an arm64 function, which overrides every
     * config file; for x86_64 it passes nothing, so the crate's own configuration decides */
    bool forced = fn->cargo_lambda_build && fn->arch == DEPLOY_ARCH_ARM64;
    if (!forced && fn->arch != DEPLOY_ARCH_UNKNOWN) {
        struct build_arch b;
        build_arch_of(c, m, &b);
        enum deploy_arch deployed =
            fn->arch == DEPLOY_ARCH_ARM64 ? DEPLOY_ARCH_ARM64 : DEPLOY_ARCH_X86_64;
        if ((b.arch == DEPLOY_ARCH_ARM64 || b.arch == DEPLOY_ARCH_X86_64) && b.arch != deployed) {
            char *d = xasprintf("function %s deploys as %s but %s builds for %s", fn->name,
                                deploy_arch_name(fn->arch), b.where, b.what);
            emit(c, "arch-mismatch", f->path, fn->arch_line, fn->arch_col, d);
            free(d);
        }
        build_arch_finish(&b);
    }
    if (fn->memory.known && fn->memory.value <= CONFIG_RAYON_MAX_LOW_MEMORY_MB &&
        has_dep(m, "rayon")) {
        char *d =
            xasprintf("function %s has %ld MB%s and %s depends on rayon", fn->name,
                      fn->memory.value, fn->memory.set ? "" : " (the default)", m->file->path);
        emit(c, "memory-too-low-for-rayon", f->path, fn->memory.line, fn->memory.col, d);
        free(d);
    }
}

/* ---- functions deployed by Terraform or CDK code ---- */

/* [p, end): the text from an opening bracket to its match (strings skipped), or NULL. */
static const char *matching(const char *p, const char *end, char open, char close)
{
    int depth = 0;
    char quote = 0;
    for (; p < end; p++) {
        if (quote) {
            if (*p == '\\')
                p++;
            else if (*p == quote)
                quote = 0;
        } else if (*p == '"' || *p == '\'') {
            quote = *p;
        } else if (*p == open) {
            depth++;
        } else if (*p == close && --depth == 0) {
            return p;
        }
    }
    return NULL;
}

static void line_col(const char *buf, const char *at, int *line, int *col)
{
    *line = 1;
    const char *ls = buf;
    for (const char *p = buf; p < at; p++)
        if (*p == '\n') {
            (*line)++;
            ls = p + 1;
        }
    *col = (int)(at - ls) + 1;
}

/* One Lambda function declared in infrastructure code: on x86_64 when it names no
 * architecture (the default) or x86_64; architectures it cannot read (a variable) decide
 * nothing. */
static void iac_function(struct ctx *c, const char *path, const char *buf, const char *at,
                         const char *body, size_t n, bool terraform)
{
    bool rust_like = terraform
                         ? memmem(body, n, "\"provided", 9) || memmem(body, n, "\"Image\"", 7)
                         : memmem(body, n, "PROVIDED", 8) || memmem(body, n, "FROM_IMAGE", 10);
    if (!rust_like)
        return;
    const char *arch =
        terraform ? memmem(body, n, "architectures", 13) : memmem(body, n, "architecture", 12);
    if (arch != NULL) {
        const char *e = memchr(arch, '\n', (size_t)(body + n - arch));
        size_t ln = (size_t)((e ? e : body + n) - arch);
        bool arm = memmem(arch, ln, "arm64", 5) || memmem(arch, ln, "ARM_64", 6);
        bool x86 = memmem(arch, ln, "x86_64", 6) || memmem(arch, ln, "X86_64", 6);
        if (arm || !x86)
            return;
    }
    int line, col;
    line_col(buf, at, &line, &col);
    char *d =
        xasprintf("%s deploys as x86_64%s",
                  terraform ? "this aws_lambda_function (Terraform)" : "this lambda Function (CDK)",
                  arch ? "" : " (the default)");
    emit(c, "x86-deploy", path, line, col, d);
    free(d);
}

static void iac_file(struct ctx *c, const char *path, bool terraform)
{
    size_t len;
    char *buf = read_small(path, &len);
    if (buf == NULL)
        return;
    const char *end = buf + len;
    const char *key = terraform ? "resource \"aws_lambda_function\"" : "Function(";
    size_t kl = strlen(key);
    for (const char *p = buf; (p = memmem(p, (size_t)(end - p), key, kl)) != NULL; p += kl) {
        if (!terraform) {
            /* lambda.Function( / aws_lambda.Function( / Function(: not RustFunction(,
             * DockerImageFunction( or a function named somethingFunction( */
            char before = p > buf ? p[-1] : ' ';
            if (before == '_' || (before >= 'a' && before <= 'z') ||
                (before >= 'A' && before <= 'Z') || (before >= '0' && before <= '9'))
                continue;
        }
        const char *open = terraform ? memchr(p, '{', (size_t)(end - p)) : p + kl - 1;
        const char *close =
            open ? matching(open, end, terraform ? '{' : '(', terraform ? '}' : ')') : NULL;
        if (close == NULL)
            break;
        iac_function(c, path, buf, p, open, (size_t)(close - open), terraform);
    }
    free(buf);
}

/* The .tf, .ts and .py files of a project (a few levels down, bounded). */
static void iac_walk(struct ctx *c, const char *dir, int depth, size_t *budget)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    char **names = NULL;
    size_t nn = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && *budget > 0) {
        (*budget)--;
        if (e->d_name[0] == '.' || strcmp(e->d_name, "target") == 0 ||
            strcmp(e->d_name, "node_modules") == 0 || strcmp(e->d_name, "cdk.out") == 0)
            continue;
        names = xgrow(names, &cap, nn + 1, sizeof *names);
        names[nn++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (nn > 1)
        qsort(names, nn, sizeof *names, cmp_name); /* findings in a stable order */
    for (size_t i = 0; i < nn; i++) {
        char *p = path_join(dir, names[i]);
        size_t n = strlen(names[i]);
        if (is_dir(p)) {
            if (depth < 5)
                iac_walk(c, p, depth + 1, budget);
        } else if (n > 3 && strcmp(names[i] + n - 3, ".tf") == 0) {
            iac_file(c, p, true);
        } else if ((n > 3 && strcmp(names[i] + n - 3, ".py") == 0) ||
                   (n > 3 && strcmp(names[i] + n - 3, ".ts") == 0 &&
                    (n < 5 || strcmp(names[i] + n - 5, ".d.ts") != 0))) {
            iac_file(c, p, false);
        }
        free(p);
        free(names[i]);
    }
    free(names);
}

/* Each project that holds Lambda function crates (none of them x86-only), once. */
static void check_iac(struct ctx *c, struct manifest *const *lambdas, size_t nl)
{
    char **tops = xcalloc(nl + 1, sizeof *tops);
    for (size_t i = 0; i < nl; i++)
        tops[i] = top_of(c, lambdas[i]->dir);
    for (size_t i = 0; i < nl; i++) {
        bool first = true, x86 = false;
        for (size_t k = 0; k < nl; k++) {
            if (strcmp(tops[k], tops[i]) != 0)
                continue;
            first &= k >= i;
            x86 |= x86_only(lambdas[k]);
        }
        if (!first || x86)
            continue;
        char *anc[MAX_ANCESTORS];
        size_t n = ancestors(c, lambdas[i]->dir, anc);
        size_t budget = 5000;
        iac_walk(c, anc[n - 1], 0, &budget);
        for (size_t k = 0; k < n; k++)
            free(anc[k]);
    }
    for (size_t i = 0; i < nl; i++)
        free(tops[i]);
    free(tops);
}

/* ---- the model and a run ---- */

struct config_model {
    struct ctx c;
    unsigned epoch;
};

struct config_model *config_model_new(config_error_fn on_error, config_subscriber_fn subscriber,
                                      void *ud)
{
    struct config_model *m = xcalloc(1, sizeof *m);
    m->c.on_error = on_error;
    m->c.subscriber = subscriber;
    m->c.ud = ud;
    return m;
}

void config_model_free(struct config_model *m)
{
    if (m == NULL)
        return;
    ctx_finish(&m->c);
    free(m);
}

static struct manifest *model_manifest(struct ctx *c, const char *dir)
{
    struct manifest *m = load_manifest(c, dir, false);
    if (m == NULL)
        return NULL;
    resolve_root(c, m);
    crate_info(c, m, 0);
    return m;
}

void config_model_roots(struct config_model *model, const char *const *roots, size_t n)
{
    struct ctx *c = &model->c;
    for (size_t i = 0; i < c->nroots; i++)
        free(c->roots[i]);
    free(c->roots);
    c->roots = xcalloc(n + 1, sizeof *c->roots);
    for (size_t i = 0; i < n; i++) {
        char *r = real_or_copy(roots[i]);
        if (is_file(r)) {
            char *slash = strrchr(r, '/');
            if (slash != NULL && slash != r)
                *slash = '\0';
        }
        c->roots[i] = r;
    }
    c->nroots = n;
}

bool config_model_crate(struct config_model *model, const char *dir, struct config_crate *out)
{
    struct manifest *m = model_manifest(&model->c, dir);
    if (m == NULL) {
        memset(out, 0, sizeof *out);
        return false;
    }
    *out = m->info;
    return true;
}

void config_model_crate_deps(struct config_model *model, const char *dir, bool *tests,
                             bool *subscriber)
{
    struct manifest *m = model_manifest(&model->c, dir);
    int f = m ? deps_facts(&model->c, m, 0, ++model->epoch) : 0;
    *tests = f & 1;
    *subscriber = (f & 2) != 0;
}

void config_model_check(struct config_model *model, const struct config_run *run,
                        config_report_fn emitfn, void *ud)
{
    struct ctx *c = &model->c;
    c->emit = emitfn;
    c->emit_ud = ud;
    c->no_suppress = run->no_suppress;
    if (run->nroots > 0)
        config_model_roots(model, run->roots, run->nroots);
    struct manifest **lambdas = NULL;
    size_t nl = 0, capl = 0;
    for (size_t i = 0; i < run->ncrates; i++) {
        struct manifest *m = model_manifest(c, run->crate_dirs[i]);
        if (m == NULL || m->lambda || !config_crate_is_function(&m->info))
            continue;
        m->lambda = true;
        lambdas = xgrow(lambdas, &capl, nl + 1, sizeof *lambdas);
        lambdas[nl++] = m;
        check_release_profile(c, m);
        check_tokio(c, m);
        check_tls(c, m);
        check_cargo_lambda_deploy(c, m);
    }
    struct links ln = {0};
    for (size_t i = 0; i < run->ndeploy; i++) {
        struct deploy_file f;
        struct la_error err = LA_ERROR_INIT;
        if (!deploy_read(&f, run->deploy_files[i], &err)) {
            report(c, &err);
            la_error_finish(&err);
            continue;
        }
        for (size_t k = 0; k < f.nfns; k++)
            check_function(c, &f, &f.fns[k], lambdas, nl, &ln);
        deploy_finish(&f);
    }
    free(ln.v);
    check_iac(c, lambdas, nl);
    free(lambdas);
}

static void old_report(void *ud, const char *rule, const char *path, int line, int col,
                       const char *detail, bool as_note)
{
    struct config_model *m = ud;
    (void)as_note;
    m->c.old_emit(m->c.ud, rule, path, line, col, detail);
}

void config_check_tree_ex(const char *const *crate_dirs, size_t ncrates,
                          const char *const *deploy_files, size_t ndeploy, config_emit_fn emitfn,
                          config_error_fn on_error, void *ud)
{
    struct config_model *m = config_model_new(on_error, NULL, ud);
    struct config_run run = {crate_dirs, ncrates, deploy_files, ndeploy, NULL, 0, false};
    m->c.old_emit = emitfn;
    config_model_check(m, &run, old_report, m);
    config_model_free(m);
}

void config_check_tree(const char *const *crate_dirs, size_t ncrates,
                       const char *const *deploy_files, size_t ndeploy, config_emit_fn emit,
                       void *ud)
{
    config_check_tree_ex(crate_dirs, ncrates, deploy_files, ndeploy, emit, NULL, ud);
}
