/* Directory walk for the scan: sorted, depth-first, .gitignore-aware, never follows links. */
#include "lambda_advisor/walk.h"
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MANIFEST_MAX (1u << 20)
#define IGNORE_MAX   (1u << 20)
#define MAX_DEPTH    256

struct ignore_pat {
    char *glob;
    bool neg, dir_only, anchored;
};

struct ignore_set {
    char *base; /* directory of the .gitignore, relative to the root ("" for the root) */
    struct ignore_pat *v;
    size_t n;
};

struct walker {
    struct walk_result *out;
    struct ignore_set *ign;
    size_t nign, capign;
    walk_file_fn on_file;
    void *ud;
    bool glob_gave_up; /* a pattern ran out of its matching budget (said once) */
};

/* One character against a [..] class ending before pe; advances *pp past the class. */
static bool match_class(const char **pp, const char *pe, char c)
{
    const char *p = *pp + 1;
    bool neg = p < pe && (*p == '!' || *p == '^');
    if (neg)
        p++;
    bool hit = false;
    const char *start = p;
    while (p < pe && (*p != ']' || p == start)) {
        if (p + 2 < pe && p[1] == '-' && p[2] != ']') {
            if (c >= p[0] && c <= p[2])
                hit = true;
            p += 3;
        } else {
            if (*p == c)
                hit = true;
            p++;
        }
    }
    if (p >= pe)
        return false; /* unterminated class: no match */
    *pp = p + 1;
    return hit != neg;
}

/* One path component [p, pe) against [t, te): '*' is any run, '?' one character, [..] a
 * class, '\' escapes. The classic non-backtracking star: only the last star is remembered
 * and, on a mismatch, it takes one more character, so the cost is at most |p| x |t| steps
 * (never exponential), each charged to *budget. */
static bool seg_match(const char *p, const char *pe, const char *t, const char *te, long *budget)
{
    const char *star_p = NULL, *star_t = NULL;
    while (t < te) {
        if (--*budget < 0)
            return false;
        if (p < pe && *p == '*') {
            while (p < pe && *p == '*')
                p++;
            star_p = p;
            star_t = t;
            continue;
        }
        const char *q = p;
        bool ok = false;
        if (q < pe) {
            if (*q == '?') {
                ok = true;
                q++;
            } else if (*q == '[') {
                ok = match_class(&q, pe, *t);
            } else {
                if (*q == '\\' && q + 1 < pe)
                    q++;
                ok = *q == *t;
                q++;
            }
        }
        if (ok) {
            p = q;
            t++;
        } else if (star_p) {
            p = star_p;
            t = ++star_t;
        } else {
            return false;
        }
    }
    while (p < pe && *p == '*')
        p++;
    return p == pe;
}

struct seg {
    const char *s, *e;
};

static size_t split(const char *s, struct seg **out)
{
    size_t n = 1;
    for (const char *c = s; *c; c++)
        n += *c == '/';
    struct seg *v = xmalloc((n + 1) * sizeof *v); /* room for one more, see glob_budget */
    size_t i = 0;
    const char *b = s;
    for (const char *c = s;; c++) {
        if (*c == '/' || *c == '\0') {
            v[i++] = (struct seg){b, c};
            b = c + 1;
        }
        if (*c == '\0')
            break;
    }
    *out = v;
    return n;
}

static bool is_globstar(struct seg g)
{
    return g.e - g.s == 2 && g.s[0] == '*' && g.s[1] == '*';
}

/* The same algorithm one level up: path components are the characters and a whole '**'
 * component is the star (zero or more components). A trailing globstar needs at least one.
 * Returns 1 (match), 0 (no match) or -1 (out of budget). */
static int glob_budget(const char *pat, const char *text, long budget)
{
    struct seg *ps, *ts;
    size_t np = split(pat, &ps), nt = split(text, &ts);
    int res;
    if (np == 1 && is_globstar(ps[0])) {
        res = 1;
        goto out;
    }
    if (np > 1 && is_globstar(ps[np - 1])) {
        static const char any[] = "**";
        ps[np - 1] = (struct seg){any, any + 1}; /* a/(globstar) is a/(star)/(globstar) */
        ps[np++] = (struct seg){any, any + 2};
    }
    size_t pi = 0, ti = 0, star_pi = 0, star_ti = 0;
    bool star = false;
    res = -1;
    while (ti < nt) {
        if (--budget < 0)
            goto out;
        if (pi < np && is_globstar(ps[pi])) {
            star = true;
            star_pi = ++pi;
            star_ti = ti;
            continue;
        }
        if (pi < np && seg_match(ps[pi].s, ps[pi].e, ts[ti].s, ts[ti].e, &budget)) {
            pi++;
            ti++;
        } else if (budget < 0) {
            goto out;
        } else if (star) {
            pi = star_pi;
            ti = ++star_ti;
        } else {
            res = 0;
            goto out;
        }
    }
    while (pi < np && is_globstar(ps[pi]))
        pi++;
    res = pi == np;
out:
    free(ps);
    free(ts);
    return res;
}

/* Work allowed for one pattern against one path: linear in their sizes, so that a hostile
 * .gitignore costs time in proportion to its size; beyond it the pattern counts as not
 * matching (and the walk says so). */
static long glob_allowance(const char *pat, const char *text)
{
    return 4096 + 16 * (long)(strlen(pat) + strlen(text));
}

bool walk_glob_match(const char *p, const char *t)
{
    return glob_budget(p, t, glob_allowance(p, t)) == 1;
}

static void note(struct walk_result *w, char *msg)
{
    w->notes = xgrow(w->notes, &w->capnotes, w->nnotes + 1, sizeof *w->notes);
    w->notes[w->nnotes++] = msg;
}

static void load_ignore(struct walker *W, const char *dir, const char *rel)
{
    char *path = xasprintf("%s/.gitignore", dir);
    char *buf;
    size_t len;
    bool ok = file_read_all(path, IGNORE_MAX, &buf, &len, NULL);
    free(path);
    W->ign = xgrow(W->ign, &W->capign, W->nign + 1, sizeof *W->ign);
    struct ignore_set *set = &W->ign[W->nign++];
    *set = (struct ignore_set){xstrdup(rel), NULL, 0};
    if (!ok)
        return;
    size_t cap = 0;
    char *save = NULL;
    for (char *line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        while (n && (line[n - 1] == ' ' || line[n - 1] == '\t') && !(n > 1 && line[n - 2] == '\\'))
            line[--n] = '\0';
        if (n == 0 || line[0] == '#')
            continue;
        struct ignore_pat p = {0};
        if (line[0] == '!') {
            p.neg = true;
            line++;
            n--;
        } else if (line[0] == '\\' && (line[1] == '!' || line[1] == '#')) {
            line++;
            n--;
        }
        if (n && line[n - 1] == '/') {
            p.dir_only = true;
            line[--n] = '\0';
        }
        if (n == 0)
            continue;
        p.anchored = strchr(line, '/') != NULL;
        if (line[0] == '/')
            line++;
        p.glob = xstrdup(line);
        set->v = xgrow(set->v, &cap, set->n + 1, sizeof *set->v);
        set->v[set->n++] = p;
    }
    free(buf);
}

/* rel is the path relative to the root; the last matching pattern of the deepest file wins. */
static bool ignored(struct walker *W, const char *rel, const char *name, bool is_dir)
{
    for (size_t i = W->nign; i-- > 0;) {
        struct ignore_set *s = &W->ign[i];
        size_t bl = strlen(s->base);
        const char *sub = rel;
        if (bl) {
            if (strncmp(rel, s->base, bl) != 0 || rel[bl] != '/')
                continue;
            sub = rel + bl + 1;
        }
        for (size_t k = s->n; k-- > 0;) {
            struct ignore_pat *p = &s->v[k];
            if (p->dir_only && !is_dir)
                continue;
            const char *t = p->anchored ? sub : name;
            int m = glob_budget(p->glob, t, glob_allowance(p->glob, t));
            if (m < 0 && !W->glob_gave_up) {
                W->glob_gave_up = true;
                note(W->out, xasprintf("%s%s.gitignore: pattern '%.60s' is too costly to match "
                                       "'%.80s'; counted as not matching",
                                       s->base, bl ? "/" : "", p->glob, rel));
            }
            if (m == 1)
                return !p->neg;
        }
    }
    return false;
}

static bool has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

static void add_file(struct walker *W, char *path, enum walk_kind k, int crate)
{
    struct walk_result *w = W->out;
    w->files = xgrow(w->files, &w->capfiles, w->nfiles + 1, sizeof *w->files);
    w->files[w->nfiles++] = (struct walk_file){path, k, crate};
    if (W->on_file && W->on_file(W->ud, w, w->nfiles - 1))
        w->nfiles--; /* taken, path and all */
}

static bool kind_of(const char *name, enum walk_kind *k)
{
    if (has_suffix(name, ".rs"))
        *k = WK_RUST;
    else if (strcmp(name, "Cargo.toml") == 0)
        *k = WK_CARGO;
    else if (strcmp(name, "template.yaml") == 0 || strcmp(name, "template.yml") == 0 ||
             strcmp(name, "serverless.yml") == 0 || strcmp(name, "serverless.yaml") == 0)
        *k = WK_DEPLOY;
    else
        return false;
    return true;
}

/* Does a manifest depend on the Lambda runtime? A line-wise look at its code, comments cut. */
static bool manifest_is_lambda(const char *manifest)
{
    char *buf;
    size_t len;
    if (!file_read_all(manifest, MANIFEST_MAX, &buf, &len, NULL))
        return false;
    bool yes = false;
    char *save = NULL;
    for (char *line = strtok_r(buf, "\n", &save); line && !yes;
         line = strtok_r(NULL, "\n", &save)) {
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        yes = strstr(line, "lambda_runtime") || strstr(line, "lambda_http") ||
              strstr(line, "lambda-runtime") || strstr(line, "lambda-http");
    }
    free(buf);
    return yes;
}

static int add_crate(struct walk_result *w, const char *dir, bool in_tree)
{
    for (size_t i = 0; i < w->ncrates; i++)
        if (strcmp(w->crates[i].dir, dir) == 0)
            return (int)i;
    w->crates = xgrow(w->crates, &w->capcrates, w->ncrates + 1, sizeof *w->crates);
    struct walk_crate *c = &w->crates[w->ncrates];
    c->dir = xstrdup(dir);
    c->manifest = strcmp(dir, ".") == 0 ? xstrdup("Cargo.toml") : xasprintf("%s/Cargo.toml", dir);
    c->in_tree = in_tree;
    /* a manifest that links out of its crate is not read (config_check says so) */
    c->lambda = !file_link_escapes(c->manifest, dir) && manifest_is_lambda(c->manifest);
    char *tests = xasprintf("%s/tests", dir);
    struct stat st;
    c->has_tests_dir = stat(tests, &st) == 0 && S_ISDIR(st.st_mode);
    free(tests);
    return (int)w->ncrates++;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *name)
{
    if (strcmp(dir, ".") == 0)
        return xstrdup(name);
    size_t n = strlen(dir);
    return n && dir[n - 1] == '/' ? xasprintf("%s%s", dir, name) : xasprintf("%s/%s", dir, name);
}

static void walk_dir(struct walker *W, const char *dir, const char *rel, int crate, int depth)
{
    struct walk_result *w = W->out;
    if (depth > MAX_DEPTH) {
        note(w, xasprintf("%s: skipped: nested deeper than %d directories", dir, MAX_DEPTH));
        return;
    }
    DIR *d = opendir(dir);
    if (d == NULL) {
        note(w, xasprintf("%s: cannot read the directory: %s", dir, strerror(errno)));
        return;
    }
    char **names = NULL;
    unsigned char *types = NULL;
    size_t n = 0, cap = 0, capt = 0;
    bool has_manifest = false, has_ignore = false;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".gitignore") == 0)
            has_ignore = true;
        if (de->d_name[0] == '.')
            continue;
        if (strcmp(de->d_name, "Cargo.toml") == 0)
            has_manifest = true;
        names = xgrow(names, &cap, n + 1, sizeof *names);
        types = xgrow(types, &capt, n + 1, 1);
        types[n] = de->d_type;
        names[n++] = xstrdup(de->d_name);
    }
    closedir(d);
    /* sort names, keeping types alongside: sort indexes through a pairing trick */
    char **pairs = xmalloc((n ? n : 1) * sizeof *pairs);
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(names[i]);
        pairs[i] = xmalloc(l + 2);
        memcpy(pairs[i], names[i], l + 1);
        pairs[i][l + 1] = (char)types[i];
        free(names[i]);
    }
    free(names);
    free(types);
    qsort(pairs, n, sizeof *pairs, cmp_name);
    size_t nign_before = W->nign;
    if (has_ignore)
        load_ignore(W, dir, rel);
    if (has_manifest)
        crate = add_crate(w, dir, true);
    for (size_t i = 0; i < n; i++) {
        const char *name = pairs[i];
        unsigned char type = (unsigned char)name[strlen(name) + 1];
        char *path = join(dir, name);
        char *r = rel[0] ? xasprintf("%s/%s", rel, name) : xstrdup(name);
        bool is_dir = type == DT_DIR, is_reg = type == DT_REG;
        if (type == DT_UNKNOWN) {
            struct stat st;
            if (lstat(path, &st) == 0) {
                is_dir = S_ISDIR(st.st_mode);
                is_reg = S_ISREG(st.st_mode);
            }
        }
        enum walk_kind k;
        if (is_dir) {
            if (strcmp(name, "target") != 0 && !ignored(W, r, name, true))
                walk_dir(W, path, r, crate, depth + 1);
            free(path);
        } else if (is_reg && kind_of(name, &k) && !ignored(W, r, name, false)) {
            add_file(W, path, k, crate);
        } else {
            free(path);
        }
        free(r);
        free(pairs[i]);
    }
    free(pairs);
    while (W->nign > nign_before) {
        struct ignore_set *s = &W->ign[--W->nign];
        for (size_t i = 0; i < s->n; i++)
            free(s->v[i].glob);
        free(s->v);
        free(s->base);
    }
}

/* The crate a root belongs to when the root itself holds no manifest: look upwards. */
static int crate_above(struct walk_result *w, const char *root)
{
    char *abs = realpath(root, NULL);
    if (abs == NULL)
        return -1;
    int found = -1;
    for (int up = 0; up < 64; up++) {
        char *m = xasprintf("%s/Cargo.toml", abs);
        struct stat st;
        bool yes = stat(m, &st) == 0 && S_ISREG(st.st_mode);
        free(m);
        if (yes) {
            found = add_crate(w, abs, false);
            break;
        }
        char *slash = strrchr(abs, '/');
        if (slash == NULL || slash == abs)
            break;
        *slash = '\0';
    }
    free(abs);
    return found;
}

bool walk_run(const char *const *roots, size_t nroots, struct walk_result *out,
              struct la_error *err)
{
    return walk_run_cb(roots, nroots, out, NULL, NULL, err);
}

bool walk_run_cb(const char *const *roots, size_t nroots, struct walk_result *out,
                 walk_file_fn on_file, void *ud, struct la_error *err)
{
    memset(out, 0, sizeof *out);
    struct walker W = {out, NULL, 0, 0, on_file, ud, false};
    for (size_t i = 0; i < nroots; i++) {
        const char *root = roots[i];
        struct stat st;
        if (stat(root, &st) != 0) {
            bool ok = la_error_set(err, root, 0, 0, "cannot scan: %s", strerror(errno));
            free(W.ign);
            return ok;
        }
        if (S_ISDIR(st.st_mode)) {
            char *m = join(root, "Cargo.toml");
            struct stat ms;
            int crate = stat(m, &ms) == 0 ? -1 : crate_above(out, root);
            free(m);
            walk_dir(&W, root, "", crate, 0);
        } else {
            const char *base = strrchr(root, '/');
            base = base ? base + 1 : root;
            enum walk_kind k;
            if (!kind_of(base, &k))
                k = WK_RUST; /* named explicitly: scan it as Rust */
            char *dir = base == root ? xstrdup(".") : xstrndup(root, (size_t)(base - root - 1));
            int crate = crate_above(out, dir[0] ? dir : "/");
            free(dir);
            add_file(&W, xstrdup(root), k, crate);
        }
    }
    free(W.ign);
    return true;
}

void walk_finish(struct walk_result *w)
{
    if (w == NULL)
        return;
    for (size_t i = 0; i < w->nfiles; i++)
        free(w->files[i].path);
    free(w->files);
    for (size_t i = 0; i < w->ncrates; i++) {
        free(w->crates[i].dir);
        free(w->crates[i].manifest);
    }
    free(w->crates);
    for (size_t i = 0; i < w->nnotes; i++)
        free(w->notes[i]);
    free(w->notes);
    memset(w, 0, sizeof *w);
}
