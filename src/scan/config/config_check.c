/* The config checks: each Lambda crate's Cargo.toml (and its workspace root), its build
 * configs (.cargo/config.toml, cargo-lambda metadata) and the deploy configs that deploy it. */
#include "lambda_advisor/config_check.h"
#include "lambda_advisor/deploy.h"
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/strmap.h"
#include "lambda_advisor/toml.h"
#include "lambda_advisor/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
    bool lambda;           /* depends on lambda_runtime or lambda_http */
    bool root_done;
};

/* A comment that may suppress findings (it starts `# lambda-advisor:`). */
struct toolcomment {
    int line;
    bool file_wide; /* allow-file(...) */
    const char *hash, *end;
};

struct srcfile {
    char *path;
    char *buf; /* NULL when unreadable */
    size_t len;
    struct toolcomment *tc; /* in line order, found once: no re-reading per finding */
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
    config_emit_fn emit;
    config_error_fn on_error;
    void *ud;
};

/* ---- paths ---- */

static char *path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    if (n > 0 && dir[n - 1] == '/')
        return xasprintf("%s%s", dir, name);
    return xasprintf("%s/%s", dir, name);
}

static char *real_or_copy(const char *p)
{
    char *r = realpath(p, NULL);
    return r ? r : xstrdup(p);
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
    for (size_t i = 0; i < c->nsrcs; i++) {
        free(c->srcs[i].path);
        free(c->srcs[i].buf);
        free(c->srcs[i].tc);
    }
    free(c->srcs);
}

/* ---- suppression comments in config files ---- */

/* Does the comment on [p, e) say `lambda-advisor: allow(...rule...)` (or allow-file when
 * file_wide)? The comment must be exactly that form: mentioning the tool is not enough. */
static bool comment_allows(const char *p, const char *e, const char *rule, bool file_wide)
{
    while (p < e && (*p == '#' || *p == ' ' || *p == '\t'))
        p++;
    static const char tool[] = "lambda-advisor:";
    if ((size_t)(e - p) < sizeof tool - 1 || memcmp(p, tool, sizeof tool - 1) != 0)
        return false;
    p += sizeof tool - 1;
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    const char *verb = file_wide ? "allow-file(" : "allow(";
    size_t vl = strlen(verb);
    if ((size_t)(e - p) < vl || memcmp(p, verb, vl) != 0)
        return false;
    p += vl;
    const char *close = memchr(p, ')', (size_t)(e - p));
    if (close == NULL)
        return false;
    size_t rl = strlen(rule);
    while (p < close) {
        while (p < close && (*p == ' ' || *p == ','))
            p++;
        const char *id = p;
        while (p < close && *p != ',' && *p != ' ')
            p++;
        if ((size_t)(p - id) == rl && memcmp(id, rule, rl) == 0)
            return true;
    }
    return false;
}

/* The comment of one line (from an unquoted '#' to the end), or NULL. */
static const char *line_comment(const char *l, const char *e)
{
    char quote = 0;
    for (const char *p = l; p < e; p++) {
        if (quote) {
            if (*p == '\\' && quote == '"')
                p++;
            else if (*p == quote)
                quote = 0;
        } else if ((*p == '"' || *p == '\'') && (p == l || strchr(" \t:=[{,", p[-1]) != NULL)) {
            quote = *p; /* a quote that opens a value, not the one in "it's" */
        } else if (*p == '#') {
            return p;
        }
    }
    return NULL;
}

/* Lists the lines' `# lambda-advisor:` comments, once per file. */
static void find_tool_comments(struct srcfile *f)
{
    size_t cap = 0;
    int n = 1;
    static const char tool[] = "lambda-advisor:";
    for (const char *l = f->buf, *end = f->buf + f->len; l && l < end; n++) {
        const char *e = memchr(l, '\n', (size_t)(end - l));
        if (e == NULL)
            e = end;
        const char *hash = line_comment(l, e);
        if (hash != NULL) {
            const char *p = hash;
            while (p < e && (*p == '#' || *p == ' ' || *p == '\t'))
                p++;
            if ((size_t)(e - p) >= sizeof tool - 1 && memcmp(p, tool, sizeof tool - 1) == 0) {
                f->tc = xgrow(f->tc, &cap, f->ntc + 1, sizeof *f->tc);
                p += sizeof tool - 1;
                while (p < e && (*p == ' ' || *p == '\t'))
                    p++;
                bool wide = (size_t)(e - p) >= 11 && memcmp(p, "allow-file(", 11) == 0;
                f->tc[f->ntc++] = (struct toolcomment){n, wide, hash, e};
            }
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
    find_tool_comments(f);
    return f;
}

/* `# lambda-advisor: allow(rule)` on the finding's line or the line above, or
 * `# lambda-advisor: allow-file(rule)` anywhere in the file. */
static bool suppressed(struct ctx *c, const char *rule, const char *path, int line)
{
    const struct srcfile *f = source_of(c, path);
    for (size_t i = 0; i < f->ntc; i++) {
        const struct toolcomment *t = &f->tc[i];
        if ((t->file_wide && comment_allows(t->hash, t->end, rule, true)) ||
            ((t->line == line || t->line == line - 1) &&
             comment_allows(t->hash, t->end, rule, false)))
            return true;
    }
    return false;
}

static void emit(struct ctx *c, const char *rule, const char *path, int line, int col,
                 const char *detail)
{
    char *key = xasprintf("%s|%s|%d|%d", rule, path, line, col);
    if (!strmap_put(&c->emitted_set, key, c->nemitted)) {
        free(key);
        return;
    }
    c->emitted = xgrow(c->emitted, &c->capemitted, c->nemitted + 1, sizeof *c->emitted);
    c->emitted[c->nemitted++] = key;
    if (!suppressed(c, rule, path, line))
        c->emit(c->ud, rule, path, line, col, detail);
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
static bool dep_resolve(const struct manifest *m, struct dep *out);

static bool find_dep(const struct manifest *m, const char *name, struct dep *out)
{
    const struct toml_value *root = m->file->doc.root;
    memset(out, 0, sizeof *out);
    bool found = dep_in_table(toml_get(root, "dependencies"), name, &out->kv);
    const struct toml_value *targets = toml_get(root, "target");
    if (!found && targets != NULL && targets->type == TOML_TABLE)
        for (size_t i = 0; i < targets->nkvs && !found; i++)
            found = dep_in_table(toml_get(targets->kvs[i].value, "dependencies"), name, &out->kv);
    return found && dep_resolve(m, out);
}

/* The rest of find_dep, for out->kv found: false when it is an optional dependency that no
 * default feature enables; fills in the workspace entry it inherits from. */
static bool dep_resolve(const struct manifest *m, struct dep *out)
{
    const struct toml_value *root = m->file->doc.root;
    const struct toml_value *opt = toml_get(out->kv->value, "optional");
    if (opt != NULL && opt->type == TOML_BOOL && opt->b && !optional_enabled(root, out->kv->key))
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

static bool has_lambda_dep(const struct manifest *m)
{
    struct dep d;
    return find_dep(m, "lambda_runtime", &d) || find_dep(m, "lambda_http", &d);
}

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

static void check_release_profile(struct ctx *c, struct manifest *m)
{
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
    if (strstr(item->str, "native-tls") == NULL && strstr(item->str, "openssl") == NULL)
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
        if (dep_resolve(a->m, &d))
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

static void check_tls(struct ctx *c, const struct manifest *m)
{
    struct dep d;
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
        if (old && defaults) {
            char *det = xasprintf("reqwest %s with its default features builds native-tls "
                                  "(OpenSSL)",
                                  version);
            emit(c, "openssl-tls", gov_path, gov->line, gov->col, det);
            free(det);
        }
        static const char *const bad_old[] = {"native-tls",      "native-tls-vendored",
                                              "native-tls-alpn", "native-tls-crate",
                                              "default-tls",     NULL};
        static const char *const bad_new[] = {"native-tls", "native-tls-vendored",
                                              "native-tls-alpn", "native-tls-crate", NULL};
        const char *const *bad = old ? bad_old : bad_new;
        struct feat_arg a = {c, "openssl-tls", bad, "reqwest feature \"%s\" builds OpenSSL",
                             m->file->path};
        dep_features(&d, m, flag_feature, &a);
    }
    check_tls_features(c, m);
    static const char *const direct[] = {"openssl",   "openssl-sys",      "native-tls",
                                         "hyper-tls", "tokio-native-tls", NULL};
    for (const char *const *n = direct; *n; n++) {
        if (!find_dep(m, *n, &d))
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
    const struct toml_kv *t = toml_find(d, "timeout");
    if (t != NULL && t->value->type == TOML_INTEGER && t->value->i == 3)
        emit(c, "default-timeout", path, t->line, t->col,
             "cargo-lambda deploy timeout = 3 (the Lambda default)");
    const struct toml_kv *mem = toml_find(d, "memory");
    if (mem != NULL && mem->value->type == TOML_INTEGER &&
        mem->value->i < CONFIG_RAYON_MIN_MEMORY_MB && has_dep(m, "rayon")) {
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

/* The Lambda crates a function deploys: those under its CodeUri, else the only one. */
static void link_function(const struct deploy_function *fn, struct manifest *const *lambdas,
                          size_t nl, struct links *out)
{
    out->n = 0;
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
        if (out->n > 0)
            return;
    }
    if (nl == 1) {
        out->v = xgrow(out->v, &out->cap, 1, sizeof *out->v);
        out->v[0] = lambdas[0];
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
    if (!fn->rust && !(fn->provided && nl > 0 && !foreign_code(fn->code_dir)))
        return;
    link_function(fn, lambdas, nl, ln);
    const char *tkey = f->kind == DEPLOY_SAM ? "Timeout" : "timeout";
    if (!fn->timeout.set) {
        char *d = xasprintf("function %s has no %s (%s's default is %ld s)", fn->name, tkey,
                            f->kind == DEPLOY_SAM ? "Lambda" : "the Serverless Framework",
                            f->default_timeout);
        emit(c, "default-timeout", f->path, fn->timeout.line, fn->timeout.col, d);
        free(d);
    } else if (fn->timeout.known && fn->timeout.value == 3) {
        char *d = xasprintf("%s: 3", tkey);
        emit(c, "default-timeout", f->path, fn->timeout.line, fn->timeout.col, d);
        free(d);
    }

    bool x86 = fn->arch == DEPLOY_ARCH_DEFAULT || fn->arch == DEPLOY_ARCH_X86_64;
    if (x86) {
        bool can_arm = true;
        struct manifest *const *scope = ln->n > 0 ? ln->v : lambdas;
        size_t ns = ln->n > 0 ? ln->n : nl;
        for (size_t i = 0; i < ns; i++)
            if (x86_only(scope[i]))
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
    if (fn->memory.known && fn->memory.value < CONFIG_RAYON_MIN_MEMORY_MB && has_dep(m, "rayon")) {
        char *d =
            xasprintf("function %s has %ld MB%s and %s depends on rayon", fn->name,
                      fn->memory.value, fn->memory.set ? "" : " (the default)", m->file->path);
        emit(c, "memory-too-low-for-rayon", f->path, fn->memory.line, fn->memory.col, d);
        free(d);
    }
}

void config_check_tree_ex(const char *const *crate_dirs, size_t ncrates,
                          const char *const *deploy_files, size_t ndeploy, config_emit_fn emitfn,
                          config_error_fn on_error, void *ud)
{
    struct ctx c = {.emit = emitfn, .on_error = on_error, .ud = ud};
    struct manifest **lambdas = NULL;
    size_t nl = 0, capl = 0;
    for (size_t i = 0; i < ncrates; i++) {
        struct manifest *m = load_manifest(&c, crate_dirs[i], false);
        if (m == NULL || m->lambda || !has_lambda_dep(m))
            continue;
        resolve_root(&c, m);
        m->lambda = true;
        lambdas = xgrow(lambdas, &capl, nl + 1, sizeof *lambdas);
        lambdas[nl++] = m;
        check_release_profile(&c, m);
        check_tokio(&c, m);
        check_tls(&c, m);
        check_cargo_lambda_deploy(&c, m);
    }
    struct links ln = {0};
    for (size_t i = 0; i < ndeploy; i++) {
        struct deploy_file f;
        struct la_error err = LA_ERROR_INIT;
        if (!deploy_read(&f, deploy_files[i], &err)) {
            report(&c, &err);
            la_error_finish(&err);
            continue;
        }
        for (size_t k = 0; k < f.nfns; k++)
            check_function(&c, &f, &f.fns[k], lambdas, nl, &ln);
        deploy_finish(&f);
    }
    free(ln.v);
    free(lambdas);
    ctx_finish(&c);
}

void config_check_tree(const char *const *crate_dirs, size_t ncrates,
                       const char *const *deploy_files, size_t ndeploy, config_emit_fn emit,
                       void *ud)
{
    config_check_tree_ex(crate_dirs, ncrates, deploy_files, ndeploy, emit, NULL, ud);
}
