/* The workspace call graph: see callgraph.h. */
#include "callgraph.h"
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/strmap.h"
#include "lambda_advisor/xalloc.h"
#include "scan_int.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define CG_MAX_FILES 2000
#define CG_MAX_BYTES (16u << 20) /* caps the graph's memory (a few times this) */
#define CG_MAX_DEPTH 16
#define CG_MAX_DIRS  20000
#define CG_FILE_MAX  (2u << 20)

struct fn_rec {
    char *name, *impl; /* impl: "" for a free fn */
    int file;
    uint32_t off; /* name token */
    bool async, test;
    bool reached;
    bool cached, awaits;  /* its body holds get_or_init / get_or_try_init; an .await */
    uint8_t taint, depth; /* CG_* found in its sync code (depth 0) or a helper's (1, 2) */
    int origin;           /* the fn where the work is, for the message */
    char *what;           /* the matched call, for the message (origin only) */
    int what_line;
    int next;    /* next fn of the same name hash */
    int nparams; /* parameters besides self, -1 when unknown */
};

struct call_rec {
    char *name, *qual; /* qual NULL when unqualified */
    bool method, ref;  /* ref: a fn named as a value (`service_fn(handler)`, `.map(parse)`) */
    bool on_self;      /* `self.name(...)`: a method of the caller's own impl */
    bool root;         /* in a handler region: the runtime calls it */
    bool async_site;   /* made from async code that runs on the runtime's threads */
    bool off, init;    /* in spawn_blocking & co; in start-up code */
    int caller;        /* global fn index, or -1 */
    int nargs;         /* arguments of a call, -1 for a reference */
    int file;
    uint32_t start, end;
};

struct pkg {
    char *dir;
    bool region, main; /* its src/ hands a handler to the runtime; its src/ has a fn main */
    char *crate;       /* [package] name with '-' as '_', or NULL */
};

struct builder {
    struct worker *w;
    struct fn_rec *fns;
    size_t nfns, capfns;
    struct call_rec *calls;
    size_t ncalls, capcalls;
    struct pkg *pkgs;
    size_t npkgs, cappkgs;
    struct cg_file *files;
    size_t nfiles, capfiles;
    size_t bytes, ndirs;
    bool too_big;
    bool lambda;   /* some manifest names lambda_runtime / lambda_http */
    char **macros; /* the workspace's macro_rules! that panic */
    size_t nmacros, capmacros;
    const struct rule *taint_rule[2];
};

struct cg {
    char *top;
    char **macros;
    size_t nmacros;
    struct cg_file *files; /* sorted by path */
    size_t nfiles;
    bool failed;
    bool lambda;
    struct cg *next;
};

static pthread_mutex_t cg_mu = PTHREAD_MUTEX_INITIALIZER;
static struct cg *cg_all;
static int cg_refs;

void cg_retain(void)
{
    pthread_mutex_lock(&cg_mu);
    cg_refs++;
    pthread_mutex_unlock(&cg_mu);
}

static void cg_free(struct cg *g)
{
    for (size_t i = 0; i < g->nfiles; i++) {
        struct cg_file *f = &g->files[i];
        free(f->path);
        free(f->reached);
        free(f->quiet);
        for (size_t k = 0; k < f->nsites; k++)
            free(f->sites[k].detail);
        free(f->sites);
    }
    free(g->files);
    for (size_t i = 0; i < g->nmacros; i++)
        free(g->macros[i]);
    free(g->macros);
    free(g->top);
    free(g);
}

void cg_release(void)
{
    pthread_mutex_lock(&cg_mu);
    if (--cg_refs <= 0) {
        cg_refs = 0;
        while (cg_all) {
            struct cg *n = cg_all->next;
            cg_free(cg_all);
            cg_all = n;
        }
    }
    pthread_mutex_unlock(&cg_mu);
}

/* ---- paths ---- */

static const char *norm(const char *p)
{
    while (p[0] == '.' && p[1] == '/')
        p += 2;
    return p;
}

static char *join(const char *dir, const char *name)
{
    if (strcmp(dir, ".") == 0)
        return xstrdup(name);
    size_t n = strlen(dir);
    return n && dir[n - 1] == '/' ? xasprintf("%s%s", dir, name) : xasprintf("%s/%s", dir, name);
}

static bool exists(const char *dir, const char *name)
{
    char *p = join(dir, name);
    struct stat st;
    bool ok = stat(p, &st) == 0;
    free(p);
    return ok;
}

/* ---- reading one file ---- */

static char *tok_dup(const char *src, const struct token *t)
{
    return xstrndup(src + t->start, t->len);
}

static bool is_word(struct worker *w, const char *src, size_t i, const char *word)
{
    return i < w->sc.n && scope_tok_word(src, &w->sc.t[i], word);
}

static bool is_punct(struct worker *w, const char *src, size_t i, char c)
{
    return i < w->sc.n && tok_is(src, &w->sc.t[i], c);
}

static bool async_flags(uint16_t f)
{
    return (f & SF_ASYNC) && !(f & (SF_OFF | SF_MAIN | SF_INIT));
}

static bool keyword(const char *src, const struct token *t)
{
    static const char *const kw[] = {
        "if",    "match",  "while", "for", "loop",  "return", "Some", "Ok",     "Err",  "Box",
        "Vec",   "String", "in",    "as",  "let",   "move",   "fn",   "self",   "Self", "crate",
        "super", "async",  "await", "mut", "where", "impl",   "dyn",  "struct", "enum", "unsafe"};
    for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
        if (t->len == strlen(kw[i]) && memcmp(src + t->start, kw[i], t->len) == 0)
            return true;
    return false;
}

/* Items of the parenthesised list opening at token o (top-level commas, generics' commas and a
 * trailing comma not counted; with params, a leading `self` parameter not counted either);
 * -1 when o opens none. */
static int list_items(struct worker *w, const char *src, const struct scoped *sc, size_t o,
                      bool params)
{
    if (o >= sc->n || !is_punct(w, src, o, '('))
        return -1;
    int depth = 0, items = 0;
    size_t seg = o + 1;
    for (size_t j = o; j < sc->n && j < o + 4000; j++) {
        bool arrow = j > 0 && (is_punct(w, src, j - 1, '-') || is_punct(w, src, j - 1, '='));
        bool end = false;
        if (is_punct(w, src, j, '(') || is_punct(w, src, j, '[') || is_punct(w, src, j, '{') ||
            is_punct(w, src, j, '<'))
            depth++;
        else if (is_punct(w, src, j, ')') || is_punct(w, src, j, ']') || is_punct(w, src, j, '}') ||
                 (is_punct(w, src, j, '>') && !arrow))
            end = --depth == 0;
        if (!(end || (depth == 1 && is_punct(w, src, j, ','))))
            continue;
        bool self = false;
        for (size_t q = seg; params && items == 0 && q < j && q < seg + 4; q++)
            self = self || is_word(w, src, q, "self");
        if (j > seg && !self)
            items++;
        seg = j + 1;
        if (end)
            return items;
    }
    return -1;
}

/* Parameters besides self of the fn whose name is token name (generics skipped). */
static int fn_params(struct worker *w, const char *src, const struct scoped *sc, size_t name)
{
    size_t o = name + 1;
    if (is_punct(w, src, o, '<')) {
        int depth = 0;
        for (; o < sc->n && o < name + 400; o++) {
            if (is_punct(w, src, o, '<'))
                depth++;
            else if (is_punct(w, src, o, '>') && !is_punct(w, src, o - 1, '-') && --depth == 0)
                break;
        }
        o++;
    }
    return list_items(w, src, sc, o, true);
}

static void add_taint(struct builder *B, const char *src, size_t len, size_t fnbase)
{
    struct worker *w = B->w;
    for (int r = 0; r < 2; r++) {
        const struct rule *rule = B->taint_rule[r];
        if (!rule)
            continue;
        size_t from = 0;
        while (from <= len) {
            int rc = pcre2_match(rule->re, (PCRE2_SPTR)w->lx.code, len, from, 0, w->md, w->mctx);
            if (rc < 0)
                break;
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(w->md);
            size_t ms = ov[0], me = ov[1];
            from = me > ms ? me : ms + 1;
            size_t k = scope_token_at(&w->sc, ms);
            if (k >= w->sc.n)
                continue;
            uint16_t f = w->sc.flags[k];
            if ((f & (SF_TEST | SF_OFF | SF_INIT)) || async_flags(f) || w->sc.fn[k] < 0)
                continue;
            struct fn_rec *fr = &B->fns[fnbase + (size_t)w->sc.fn[k]];
            if (fr->async)
                continue;
            uint8_t m = (uint8_t)(r == 0 ? CG_CPU : CG_SLEEP);
            if (!(fr->taint & m) && !fr->what) {
                int line = 1;
                for (size_t i = 0; i < ms; i++)
                    line += src[i] == '\n';
                size_t n = me - ms;
                while (n > 0 && (src[ms + n - 1] == '(' || src[ms + n - 1] == ' '))
                    n--;
                fr->what = xstrndup(src + ms, n > 60 ? 60 : n);
                fr->what_line = line;
                fr->origin = (int)(fnbase + (size_t)w->sc.fn[k]);
            }
            fr->taint |= m;
        }
    }
}

static void read_one(struct builder *B, const char *path, int pkg, uint16_t base, bool in_src)
{
    if (B->nfiles >= CG_MAX_FILES || B->bytes > CG_MAX_BYTES) {
        B->too_big = true;
        return;
    }
    char *src = NULL;
    size_t len = 0;
    if (!file_read_all(path, CG_FILE_MAX, &src, &len, NULL))
        return;
    B->bytes += len;
    struct worker *w = B->w;
    lexer_run(src, len, &w->lx);
    scope_run(src, &w->lx, base, &w->sc);
    int file = (int)B->nfiles;
    B->files = xgrow(B->files, &B->capfiles, B->nfiles + 1, sizeof *B->files);
    B->files[B->nfiles++] = (struct cg_file){.path = xstrdup(norm(path)), .pkg = pkg};
    size_t fnbase = B->nfns;
    const struct scoped *sc = &w->sc;
    for (size_t j = 0; j < sc->nfns; j++) {
        const struct scope_fn *sf = &sc->fns[j];
        uint16_t f = sf->open + 1 < sc->n ? sc->flags[sf->open + 1] : 0;
        B->fns = xgrow(B->fns, &B->capfns, B->nfns + 1, sizeof *B->fns);
        B->fns[B->nfns++] = (struct fn_rec){
            .name = tok_dup(src, &sc->t[sf->name]),
            .impl = sf->impl_ty >= 0 ? tok_dup(src, &sc->t[sf->impl_ty]) : xstrdup(""),
            .file = file,
            .off = sc->t[sf->name].start,
            .async = (f & SF_ASYNC) != 0,
            .test = (f & SF_TEST) != 0,
            .origin = -1,
            .next = -1,
            .nparams = fn_params(w, src, sc, sf->name)};
    }
    bool handler_region = false;
    for (size_t k = 0; k < sc->n; k++) {
        const struct token *t = &sc->t[k];
        uint16_t f = sc->flags[k];
        if (t->kind != TK_IDENT || (f & SF_TEST))
            continue;
        if (sc->fn[k] >= 0) {
            struct fn_rec *fr = &B->fns[fnbase + (size_t)sc->fn[k]];
            if (is_word(w, src, k, "get_or_init") || is_word(w, src, k, "get_or_try_init"))
                fr->cached = true;
            else if (k > 0 && is_word(w, src, k, "await") && is_punct(w, src, k - 1, '.'))
                fr->awaits = true;
        }
        /* macro_rules! name { ... panic!( ... } : the crate's own panic macro */
        if (is_word(w, src, k, "macro_rules") && is_punct(w, src, k + 1, '!') && k + 3 < sc->n &&
            sc->t[k + 2].kind == TK_IDENT) {
            int depth = 0;
            bool panics = false;
            for (size_t j = k + 3; j < sc->n; j++) {
                if (is_punct(w, src, j, '{') || is_punct(w, src, j, '(') ||
                    is_punct(w, src, j, '['))
                    depth++;
                else if ((is_punct(w, src, j, '}') || is_punct(w, src, j, ')') ||
                          is_punct(w, src, j, ']')) &&
                         --depth <= 0)
                    break;
                if ((is_word(w, src, j, "panic") || is_word(w, src, j, "unreachable")) &&
                    is_punct(w, src, j + 1, '!'))
                    panics = true;
            }
            if (panics) {
                B->macros = xgrow(B->macros, &B->capmacros, B->nmacros + 1, sizeof *B->macros);
                B->macros[B->nmacros++] = tok_dup(src, &sc->t[k + 2]);
            }
        }
        if (f & SF_HANDLER)
            handler_region = true;
        bool call = is_punct(w, src, k + 1, '(');
        bool method = k > 0 && is_punct(w, src, k - 1, '.');
        if (k > 0 && (is_word(w, src, k - 1, "fn") || is_punct(w, src, k - 1, '\'')))
            continue;
        bool ref = false;
        if (!call) {
            /* a fn named as a value: an argument of its own, or anything in a handler region */
            if (method || is_punct(w, src, k + 1, '!') || is_punct(w, src, k + 1, ':') ||
                t->len == 0 || keyword(src, t))
                continue;
            bool arg = k > 0 && (is_punct(w, src, k - 1, '(') || is_punct(w, src, k - 1, ',')) &&
                       (is_punct(w, src, k + 1, ')') || is_punct(w, src, k + 1, ','));
            if (!arg && !(f & SF_HANDLER))
                continue;
            ref = true;
        }
        char *qual = NULL;
        if (!method && k >= 3 && is_punct(w, src, k - 1, ':') && is_punct(w, src, k - 2, ':') &&
            sc->t[k - 3].kind == TK_IDENT)
            qual = tok_dup(src, &sc->t[k - 3]);
        B->calls = xgrow(B->calls, &B->capcalls, B->ncalls + 1, sizeof *B->calls);
        B->calls[B->ncalls++] = (struct call_rec){
            tok_dup(src, t),
            qual,
            method,
            ref,
            method && k >= 2 && is_word(w, src, k - 2, "self"),
            (f & SF_HANDLER) != 0,
            async_flags(f) || ((f & SF_HANDLER) && (f & SF_ASYNC) && !(f & SF_OFF)),
            (f & SF_OFF) != 0,
            (f & SF_INIT) != 0,
            sc->fn[k] >= 0 ? (int)(fnbase + (size_t)sc->fn[k]) : -1,
            call ? list_items(w, src, sc, k + 1, false) : -1,
            file,
            t->start,
            t->start + t->len};
    }
    if (in_src && handler_region)
        B->pkgs[pkg].region = true;
    if (in_src && sc->main_tok >= 0)
        B->pkgs[pkg].main = true;
    add_taint(B, src, len, fnbase);
    free(src);
}

/* The `name = "..."` of a manifest's [package] table, '-' written '_' (as paths name it). */
static char *package_name(const char *text, size_t len)
{
    const char *p = memmem(text, len, "[package]", 9);
    if (!p)
        return NULL;
    const char *end = text + len;
    for (p += 9; p < end && *p != '[';) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
            p++;
        if (end - p > 4 && memcmp(p, "name", 4) == 0) {
            const char *q = p + 4;
            while (q < end && (*q == ' ' || *q == '\t'))
                q++;
            if (q < end && *q == '=') {
                q++;
                while (q < end && (*q == ' ' || *q == '\t'))
                    q++;
                if (q < end && *q == '"') {
                    const char *e = memchr(q + 1, '"', (size_t)(end - q - 1));
                    if (!e)
                        return NULL;
                    char *n = xstrndup(q + 1, (size_t)(e - q - 1));
                    for (char *c = n; *c; c++)
                        if (*c == '-')
                            *c = '_';
                    return n;
                }
            }
        }
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    return NULL;
}

static void walk(struct builder *B, const char *dir, const char *rel, int pkg, int depth)
{
    if (depth > CG_MAX_DEPTH || B->too_big)
        return;
    if (++B->ndirs > CG_MAX_DIRS) {
        B->too_big = true; /* a tree this wide is no Lambda workspace: no graph */
        return;
    }
    char *manifest = join(dir, "Cargo.toml");
    char *text = NULL;
    size_t tlen = 0;
    bool is_pkg = false;
    char *crate = NULL;
    if (file_read_all(manifest, 1u << 20, &text, &tlen, NULL)) {
        is_pkg = true;
        crate = package_name(text, tlen);
        /* the runtime, or a crate that wraps it (AppSync resolvers, axum/poem adapters) */
        if (memmem(text, tlen, "lambda_runtime", 14) || memmem(text, tlen, "lambda_http", 11) ||
            memmem(text, tlen, "lambda-runtime", 14) || memmem(text, tlen, "lambda-http", 11) ||
            memmem(text, tlen, "lambda-appsync", 14) || memmem(text, tlen, "lambda_appsync", 14) ||
            memmem(text, tlen, "lambda-web", 10) || memmem(text, tlen, "poem-lambda", 11))
            B->lambda = true;
        free(text);
    }
    free(manifest);
    if (!(is_pkg || pkg < 0))
        free(crate);
    if (is_pkg || pkg < 0) {
        B->pkgs = xgrow(B->pkgs, &B->cappkgs, B->npkgs + 1, sizeof *B->pkgs);
        B->pkgs[B->npkgs] = (struct pkg){xstrdup(norm(dir)), false, false, crate};
        crate = NULL;
        pkg = (int)B->npkgs++;
        rel = "";
    }
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    char **names = NULL;
    size_t n = 0, cap = 0;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.' || strcmp(de->d_name, "target") == 0 ||
            strcmp(de->d_name, "node_modules") == 0)
            continue;
        names = xgrow(names, &cap, n + 1, sizeof *names);
        names[n++] = xstrdup(de->d_name);
    }
    closedir(d);
    for (size_t i = 0; i < n; i++) {
        char *path = join(dir, names[i]);
        char *r = rel[0] ? xasprintf("%s/%s", rel, names[i]) : xstrdup(names[i]);
        struct stat st;
        if (lstat(path, &st) == 0) {
            size_t ln = strlen(names[i]);
            if (S_ISDIR(st.st_mode)) {
                walk(B, path, r, pkg, depth + 1);
            } else if (S_ISREG(st.st_mode) && ln > 3 && strcmp(names[i] + ln - 3, ".rs") == 0) {
                uint16_t base = 0;
                if (strncmp(r, "tests/", 6) == 0 || strncmp(r, "benches/", 8) == 0)
                    base = SF_TEST;
                else if (strcmp(r, "build.rs") == 0)
                    base = SF_MAIN;
                read_one(B, path, pkg, base, strncmp(r, "src/", 4) == 0);
            }
        }
        free(path);
        free(r);
        free(names[i]);
    }
    free(names);
}

/* ---- resolution ---- */

static size_t hash(const char *s)
{
    return (size_t)str_hash(s, strlen(s));
}

static bool upper(const char *s)
{
    return *s >= 'A' && *s <= 'Z';
}

/* Could call c land in fn f (same name already checked)? */
static bool resolves(const struct builder *B, const struct call_rec *c, const struct fn_rec *f)
{
    if (f->test)
        return false;
    if (c->method) {
        if (c->on_self && c->caller >= 0)
            return strcmp(f->impl, B->fns[c->caller].impl) == 0;
        /* trait plumbing every type implements: a call on something else says nothing */
        static const char *const generic[] = {
            "call",          "poll",        "poll_ready", "poll_next", "into",      "from",
            "clone",         "fmt",         "drop",       "deref",     "next",      "send",
            "run",           "build",       "new",        "default",   "serialize", "deserialize",
            "try_from",      "from_str",    "as_ref",     "borrow",    "eq",        "hash",
            "into_response", "into_future", "register",   "handle",    "process"};
        /* names common to trait plumbing and to a crate's own methods (`client.send(verb, url,
         * body)`, `handler.handle(event)`): the crate's method when the arguments fit it (an SDK's
         * `.send()` takes none) */
        static const char *const own[] = {"send", "run", "handle", "process", "register"};
        for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
            if (strcmp(c->name, own[i]) == 0)
                return c->nargs > 0 && c->nargs == f->nparams && f->impl[0] != '\0';
        for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++)
            if (strcmp(c->name, generic[i]) == 0)
                return false;
        return f->impl[0] != '\0';
    }
    if (c->qual) {
        if (strcmp(c->qual, "Self") == 0)
            return c->caller >= 0 ? strcmp(f->impl, B->fns[c->caller].impl) == 0
                                  : f->impl[0] != '\0';
        if (upper(c->qual))
            return strcmp(f->impl, c->qual) == 0;
        /* `some_crate::f`: a workspace package of that name, when there is one */
        for (size_t i = 0; i < B->npkgs; i++)
            if (B->pkgs[i].crate && strcmp(B->pkgs[i].crate, c->qual) == 0)
                return f->impl[0] == '\0' && B->files[f->file].pkg == (int)i;
        return f->impl[0] == '\0';
    }
    return f->impl[0] == '\0';
}

struct index {
    int *head;
    size_t nb;
};

static int first_named(const struct builder *B, const struct index *ix, const char *name)
{
    for (int i = ix->head[hash(name) % ix->nb]; i >= 0; i = B->fns[i].next)
        if (strcmp(B->fns[i].name, name) == 0)
            return i;
    return -1;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_file(const void *a, const void *b)
{
    return strcmp(((const struct cg_file *)a)->path, ((const struct cg_file *)b)->path);
}

static void propagate(struct builder *B, const struct index *ix)
{
    /* calls by caller (CSR) */
    size_t nf = B->nfns;
    size_t *off = xcalloc(nf + 2, sizeof *off);
    for (size_t i = 0; i < B->ncalls; i++)
        if (B->calls[i].caller >= 0)
            off[B->calls[i].caller + 1]++;
    for (size_t i = 0; i < nf; i++)
        off[i + 1] += off[i];
    size_t *by = xmalloc((B->ncalls + 1) * sizeof *by);
    size_t *fill = xmalloc((nf + 1) * sizeof *fill);
    memcpy(fill, off, (nf + 1) * sizeof *fill);
    for (size_t i = 0; i < B->ncalls; i++)
        if (B->calls[i].caller >= 0)
            by[fill[B->calls[i].caller]++] = i;
    free(fill);
    /* reachability from the handler regions */
    int *stack = xmalloc((nf + 1) * sizeof *stack);
    size_t sp = 0;
#define VISIT(call)                                                                                \
    do {                                                                                           \
        const struct call_rec *c_ = (call);                                                        \
        for (int f_ = first_named(B, ix, c_->name); f_ >= 0; f_ = B->fns[f_].next) {               \
            struct fn_rec *fr_ = &B->fns[f_];                                                      \
            if (!fr_->reached && strcmp(fr_->name, c_->name) == 0 &&                               \
                (c_->ref ? fr_->impl[0] == '\0' && !fr_->test : resolves(B, c_, fr_))) {           \
                fr_->reached = true;                                                               \
                stack[sp++] = f_;                                                                  \
            }                                                                                      \
        }                                                                                          \
    } while (0)
    for (size_t i = 0; i < B->ncalls; i++)
        if (B->calls[i]
                .root) /* a router built once (even in a OnceCell) still routes per request */
            VISIT(&B->calls[i]);
    while (sp > 0) {
        int f = stack[--sp];
        for (size_t j = off[f]; j < off[f + 1]; j++) {
            const struct call_rec *c = &B->calls[by[j]];
            if (!c->init)
                VISIT(c);
        }
    }
#undef VISIT
    free(stack);
    /* sync helpers that do the work, up to two levels below the one called from async code */
    for (uint8_t depth = 0; depth < 2; depth++) {
        for (size_t i = 0; i < B->ncalls; i++) {
            const struct call_rec *c = &B->calls[i];
            if (c->caller < 0 || c->off || c->init || c->async_site || c->ref)
                continue;
            struct fn_rec *caller = &B->fns[c->caller];
            if (caller->async)
                continue;
            for (int f = first_named(B, ix, c->name); f >= 0; f = B->fns[f].next) {
                const struct fn_rec *fr = &B->fns[f];
                if (f == c->caller || !fr->taint || fr->depth != depth || fr->async ||
                    strcmp(fr->name, c->name) != 0 || !resolves(B, c, fr))
                    continue;
                uint8_t add = (uint8_t)(fr->taint & ~caller->taint);
                if (add && (!caller->taint || caller->depth > depth)) {
                    caller->taint |= add;
                    caller->depth = (uint8_t)(depth + 1);
                    caller->origin = fr->origin;
                }
            }
        }
    }
    free(off);
    free(by);
}

static void collect(struct builder *B, const struct index *ix)
{
    for (size_t i = 0; i < B->nfns; i++) {
        const struct fn_rec *fr = &B->fns[i];
        struct cg_file *f = &B->files[fr->file];
        if (!fr->reached)
            continue;
        f->reached = xrealloc(f->reached, (f->nreached + 1) * sizeof *f->reached);
        f->reached[f->nreached++] = fr->off;
    }
    for (size_t i = 0; i < B->ncalls; i++) {
        const struct call_rec *c = &B->calls[i];
        if (!c->async_site || c->off || c->init || c->ref)
            continue;
        for (int t = first_named(B, ix, c->name); t >= 0; t = B->fns[t].next) {
            const struct fn_rec *fr = &B->fns[t];
            if (!fr->taint || fr->async || strcmp(fr->name, c->name) != 0 || !resolves(B, c, fr))
                continue;
            const struct fn_rec *o = fr->origin >= 0 ? &B->fns[fr->origin] : fr;
            struct cg_file *f = &B->files[c->file];
            f->sites = xrealloc(f->sites, (f->nsites + 1) * sizeof *f->sites);
            char *detail =
                o == fr ? xasprintf("`%s` does it at %s:%d (`%s`)", fr->name,
                                    B->files[o->file].path, o->what_line, o->what ? o->what : "")
                        : xasprintf("`%s` reaches `%s`, which does it at %s:%d (`%s`)", fr->name,
                                    o->name, B->files[o->file].path, o->what_line,
                                    o->what ? o->what : "");
            f->sites[f->nsites++] = (struct cg_site){c->start, c->end, fr->taint, detail};
            break;
        }
    }
    /* calls that only land in cached accessors or async fns that never await */
    for (size_t i = 0; i < B->ncalls; i++) {
        const struct call_rec *c = &B->calls[i];
        if (c->ref)
            continue;
        bool any = false, loud = false;
        /* `self.m()` with an m of the caller's own type in the caller's own file: that one (two
         * types of one name in two files are cfg alternatives, e.g. an in-memory fake and the
         * real client) */
        bool local = false;
        if (c->on_self && c->caller >= 0)
            for (int t = first_named(B, ix, c->name); t >= 0 && !local; t = B->fns[t].next)
                local = strcmp(B->fns[t].name, c->name) == 0 && resolves(B, c, &B->fns[t]) &&
                        B->fns[t].file == B->fns[c->caller].file;
        for (int t = first_named(B, ix, c->name); t >= 0 && !loud; t = B->fns[t].next) {
            const struct fn_rec *fr = &B->fns[t];
            if (strcmp(fr->name, c->name) != 0 || !resolves(B, c, fr))
                continue;
            if (local && fr->file != B->fns[c->caller].file)
                continue;
            any = true;
            loud = !(fr->cached || (fr->async && !fr->awaits));
        }
        if (any && !loud) {
            struct cg_file *f = &B->files[c->file];
            f->quiet = xrealloc(f->quiet, (f->nquiet + 1) * sizeof *f->quiet);
            f->quiet[f->nquiet++] = c->start;
        }
    }
    for (size_t i = 0; i < B->nfiles; i++) {
        struct cg_file *f = &B->files[i];
        f->pkg_roots = B->pkgs[f->pkg].region && B->pkgs[f->pkg].main;
        f->pkg_library = !B->pkgs[f->pkg].main;
        if (f->nquiet > 1)
            qsort(f->quiet, f->nquiet, sizeof *f->quiet, cmp_u32);
        if (f->nreached > 1)
            qsort(f->reached, f->nreached, sizeof *f->reached, cmp_u32);
    }
}

static struct cg *build(struct worker *w, char *top)
{
    struct builder B = {.w = w};
    const struct rule *cpu = rules_find(w->rs, "cpu-in-async");
    const struct rule *sleep = rules_find(w->rs, "blocking-sleep");
    B.taint_rule[0] = cpu && !cpu->disabled && cpu->re ? cpu : NULL;
    B.taint_rule[1] = sleep && !sleep->disabled && sleep->re ? sleep : NULL;
    walk(&B, top, "", -1, 0);
    struct cg *g = xcalloc(1, sizeof *g);
    g->top = top;
    g->lambda = B.lambda;
    if (!B.too_big && B.nfiles > 0) {
        struct index ix = {NULL, B.nfns * 2 + 1};
        ix.head = xmalloc(ix.nb * sizeof *ix.head);
        for (size_t i = 0; i < ix.nb; i++)
            ix.head[i] = -1;
        for (size_t i = B.nfns; i-- > 0;) {
            size_t h = hash(B.fns[i].name) % ix.nb;
            B.fns[i].next = ix.head[h];
            ix.head[h] = (int)i;
        }
        propagate(&B, &ix);
        collect(&B, &ix);
        free(ix.head);
        qsort(B.files, B.nfiles, sizeof *B.files, cmp_file);
        for (size_t i = 0; i < B.nfiles; i++) {
            B.files[i].macros = (const char *const *)B.macros;
            B.files[i].nmacros = B.nmacros;
        }
        g->macros = B.macros;
        g->nmacros = B.nmacros;
        B.macros = NULL;
        B.nmacros = 0;
        g->files = B.files;
        g->nfiles = B.nfiles;
        B.files = NULL;
    } else {
        g->failed = true;
    }
    for (size_t i = 0; i < B.nfns; i++) {
        free(B.fns[i].name);
        free(B.fns[i].impl);
        free(B.fns[i].what);
    }
    free(B.fns);
    for (size_t i = 0; i < B.ncalls; i++) {
        free(B.calls[i].name);
        free(B.calls[i].qual);
    }
    free(B.calls);
    for (size_t i = 0; i < B.nmacros; i++)
        free(B.macros[i]);
    free(B.macros);
    for (size_t i = 0; i < B.npkgs; i++) {
        free(B.pkgs[i].dir);
        free(B.pkgs[i].crate);
    }
    free(B.pkgs);
    for (size_t i = 0; B.files && i < B.nfiles; i++) {
        free(B.files[i].path);
        free(B.files[i].reached);
        free(B.files[i].quiet);
        for (size_t k = 0; k < B.files[i].nsites; k++)
            free(B.files[i].sites[k].detail);
        free(B.files[i].sites);
    }
    free(B.files);
    return g;
}

/* The topmost directory with a Cargo.toml at or above dir (not above a .git directory or the
 * relative start) and how many there are, remembered per worker for the last few directories,
 * so that a new directory costs two stat calls once its parent is known. */
static const struct cg_memo *top_of_dir(struct worker *w, const char *dir, int guard)
{
    for (int i = 0; i < CG_MEMO; i++)
        if (w->cg_memo[i].dir && strcmp(w->cg_memo[i].dir, dir) == 0)
            return &w->cg_memo[i];
    bool cargo = exists(dir, "Cargo.toml");
    char *top = NULL;
    int found = cargo;
    size_t n = strlen(dir);
    bool start = strcmp(dir, ".") == 0 || strcmp(dir, "/") == 0 || strcmp(dir, "..") == 0 ||
                 (n >= 3 && strcmp(dir + n - 3, "/..") == 0);
    if (!(guard > 64 || start || exists(dir, ".git"))) {
        char *parent = xstrdup(dir);
        char *sl = strrchr(parent, '/');
        if (!sl)
            strcpy(parent, ".");
        else if (sl == parent)
            parent[1] = '\0';
        else
            *sl = '\0';
        const struct cg_memo *up = top_of_dir(w, parent, guard + 1);
        free(parent);
        if (up->top)
            top = xstrdup(up->top);
        found += up->found;
    }
    if (!top && cargo)
        top = xstrdup(dir);
    struct cg_memo *m = &w->cg_memo[w->cg_memo_next];
    w->cg_memo_next = (w->cg_memo_next + 1) % CG_MEMO;
    free(m->dir);
    free(m->top);
    *m = (struct cg_memo){xstrdup(dir), top, found};
    return m;
}

static char *find_top_cached(struct worker *w, const char *path, bool *member)
{
    path = norm(path);
    const char *slash = strrchr(path, '/');
    char *dir = slash ? (slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path)))
                      : xstrdup(".");
    const struct cg_memo *m = top_of_dir(w, dir, 0);
    free(dir);
    *member = m->found > 1;
    return m->top ? xstrdup(m->top) : NULL;
}

void cg_worker_finish(struct worker *w)
{
    for (int i = 0; i < CG_MEMO; i++) {
        free(w->cg_memo[i].dir);
        free(w->cg_memo[i].top);
    }
}

const struct cg_file *cg_lookup(struct worker *w, const char *path, bool lambda)
{
    bool member = false;
    char *top = find_top_cached(w, path, &member);
    if (!top)
        return NULL;
    if (!lambda && !member) {
        free(top); /* a crate of its own that is no Lambda crate: no graph needed */
        return NULL;
    }
    pthread_mutex_lock(&cg_mu);
    struct cg *g = cg_all;
    while (g && strcmp(g->top, top) != 0)
        g = g->next;
    if (!g) {
        g = build(w, top);
        g->next = cg_all;
        cg_all = g;
    } else {
        free(top);
    }
    pthread_mutex_unlock(&cg_mu);
    if (g->failed || (!lambda && !g->lambda))
        return NULL;
    struct cg_file key = {.path = (char *)norm(path)};
    return g->nfiles ? bsearch(&key, g->files, g->nfiles, sizeof *g->files, cmp_file) : NULL;
}

bool cg_reached(const struct cg_file *f, uint32_t off)
{
    return f && f->nreached && bsearch(&off, f->reached, f->nreached, sizeof off, cmp_u32) != NULL;
}

bool cg_quiet(const struct cg_file *f, uint32_t off)
{
    return f && f->nquiet && bsearch(&off, f->quiet, f->nquiet, sizeof off, cmp_u32) != NULL;
}
