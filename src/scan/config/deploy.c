/* SAM / CloudFormation templates and serverless.yml read into deploy functions via ynode
 * (libyaml; intrinsic tags such as !Ref and !Sub are kept and make a value "unknown"). */
#include "lambda_advisor/deploy.h"
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/xalloc.h"
#include "lambda_advisor/ynode.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DEPLOY_MAX_BYTES (4u << 20)

static const char *scalar(const struct ynode *n)
{
    return n != NULL && n->kind == YN_SCALAR && n->tag == NULL ? n->value : NULL;
}

/* The key node of a mapping entry (for its place). */
static const struct ynode *key_node(const struct ynode *m, const char *key)
{
    if (m == NULL || m->kind != YN_MAP)
        return NULL;
    for (size_t i = 0; i + 1 < m->nkids; i += 2)
        if (m->kids[i]->kind == YN_SCALAR && strcmp(m->kids[i]->value, key) == 0)
            return m->kids[i];
    return NULL;
}

static bool parse_long(const char *s, long *out)
{
    if (s == NULL || *s == '\0')
        return false;
    char *end;
    long v = strtol(s, &end, 10);
    if (*end != '\0' || v < 0)
        return false;
    *out = v;
    return true;
}

/* A number setting from m[key]; keeps an earlier (globals) value when m has none. */
static void read_num(struct deploy_num *num, const struct ynode *m, const char *key)
{
    const struct ynode *k = key_node(m, key);
    if (k == NULL)
        return;
    const struct ynode *v = ynode_get(m, key);
    num->set = true;
    num->line = k->line;
    num->col = k->col;
    const char *s = scalar(v);
    num->known = s != NULL && strstr(s, "${") == NULL && parse_long(s, &num->value);
}

static enum deploy_arch arch_of(const char *s)
{
    if (s == NULL || strstr(s, "${") != NULL)
        return DEPLOY_ARCH_UNKNOWN;
    if (strcmp(s, "arm64") == 0)
        return DEPLOY_ARCH_ARM64;
    if (strcmp(s, "x86_64") == 0)
        return DEPLOY_ARCH_X86_64;
    return DEPLOY_ARCH_UNKNOWN;
}

/* SAM/CloudFormation Architectures: a list of one item. */
static void read_sam_arch(struct deploy_function *fn, const struct ynode *props)
{
    const struct ynode *k = key_node(props, "Architectures");
    if (k == NULL)
        return;
    const struct ynode *v = ynode_get(props, "Architectures");
    fn->arch = DEPLOY_ARCH_UNKNOWN;
    fn->arch_line = k->line;
    fn->arch_col = k->col;
    if (v == NULL || v->kind != YN_SEQ || v->tag != NULL || v->nkids != 1)
        return;
    fn->arch = arch_of(scalar(v->kids[0]));
    fn->arch_line = v->kids[0]->line;
    fn->arch_col = v->kids[0]->col;
}

static bool runtime_is_provided(const char *rt)
{
    return rt != NULL && strncmp(rt, "provided", 8) == 0;
}

/* dir of path joined with rel, or NULL for remote (s3://) or absent locations. */
static char *join_dir(const char *path, const char *rel)
{
    if (rel == NULL || *rel == '\0' || strstr(rel, "://") != NULL || strstr(rel, "${") != NULL)
        return NULL;
    if (rel[0] == '/')
        return xstrdup(rel);
    const char *slash = strrchr(path, '/');
    char *dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
    if (*dir == '\0') {
        free(dir);
        dir = xstrdup("/");
    }
    char *out = xasprintf("%s/%s", dir, rel);
    free(dir);
    size_t n = strlen(out);
    while (n > 1 && out[n - 1] == '/')
        out[--n] = '\0';
    return out;
}

static struct deploy_function *add_fn(struct deploy_file *f, size_t *cap, const struct ynode *key)
{
    f->fns = xgrow(f->fns, cap, f->nfns + 1, sizeof *f->fns);
    struct deploy_function *fn = &f->fns[f->nfns++];
    memset(fn, 0, sizeof *fn);
    fn->name = xstrdup(key->value);
    fn->line = fn->arch_line = key->line;
    fn->col = fn->arch_col = key->col;
    fn->arch = DEPLOY_ARCH_DEFAULT;
    fn->memory = (struct deploy_num){false, true, f->default_memory, key->line, key->col};
    fn->timeout = (struct deploy_num){false, true, f->default_timeout, key->line, key->col};
    return fn;
}

static void read_sam(struct deploy_file *f, const struct ynode *root)
{
    const struct ynode *resources = ynode_get(root, "Resources");
    const struct ynode *globals = ynode_get(ynode_get(root, "Globals"), "Function");
    if (resources == NULL || resources->kind != YN_MAP)
        return;
    size_t cap = 0;
    for (size_t i = 0; i + 1 < resources->nkids; i += 2) {
        const struct ynode *key = resources->kids[i], *res = resources->kids[i + 1];
        const char *type = scalar(ynode_get(res, "Type"));
        if (key->kind != YN_SCALAR || type == NULL)
            continue;
        bool serverless = strcmp(type, "AWS::Serverless::Function") == 0;
        if (!serverless && strcmp(type, "AWS::Lambda::Function") != 0)
            continue;
        const struct ynode *props = ynode_get(res, "Properties");
        struct deploy_function *fn = add_fn(f, &cap, key);
        /* Globals apply to AWS::Serverless::Function only; the function's own keys win */
        const struct ynode *layers[2] = {serverless ? globals : NULL, props};
        const char *runtime = NULL;
        const char *code = NULL;
        bool runtime_dynamic = false;
        for (int l = 0; l < 2; l++) {
            const struct ynode *m = layers[l];
            if (m == NULL || m->kind != YN_MAP)
                continue;
            read_sam_arch(fn, m);
            read_num(&fn->memory, m, "MemorySize");
            read_num(&fn->timeout, m, "Timeout");
            if (ynode_get(m, "Runtime") != NULL) {
                runtime = scalar(ynode_get(m, "Runtime"));
                runtime_dynamic = runtime == NULL;
            }
            if (serverless && ynode_get(m, "CodeUri") != NULL)
                code = scalar(ynode_get(m, "CodeUri"));
        }
        const char *method = scalar(ynode_get(ynode_get(res, "Metadata"), "BuildMethod"));
        fn->cargo_lambda_build = method != NULL && strcmp(method, "rust-cargolambda") == 0;
        const char *package = scalar(ynode_get(props, "PackageType"));
        bool image = package != NULL && strcmp(package, "Image") == 0;
        bool other_builder =
            method != NULL && !fn->cargo_lambda_build && strcmp(method, "makefile") != 0;
        fn->rust = fn->cargo_lambda_build;
        fn->provided = !runtime_dynamic && runtime_is_provided(runtime) && !image && !other_builder;
        fn->code_dir = join_dir(f->path, code);
    }
}

static bool has_plugin(const struct ynode *root, const char *name)
{
    const struct ynode *p = ynode_get(root, "plugins");
    if (p != NULL && p->kind == YN_MAP)
        p = ynode_get(p, "modules");
    if (p == NULL || p->kind != YN_SEQ)
        return false;
    for (size_t i = 0; i < p->nkids; i++) {
        const char *s = scalar(p->kids[i]);
        if (s != NULL && strcmp(s, name) == 0)
            return true;
    }
    return false;
}

static void read_serverless(struct deploy_file *f, const struct ynode *root)
{
    const struct ynode *provider = ynode_get(root, "provider");
    const struct ynode *functions = ynode_get(root, "functions");
    if (functions == NULL || functions->kind != YN_MAP)
        return;
    bool plugin = has_plugin(root, "serverless-rust");
    size_t cap = 0;
    for (size_t i = 0; i + 1 < functions->nkids; i += 2) {
        const struct ynode *key = functions->kids[i], *def = functions->kids[i + 1];
        if (key->kind != YN_SCALAR)
            continue;
        struct deploy_function *fn = add_fn(f, &cap, key);
        const struct ynode *layers[2] = {provider, def};
        const char *runtime = NULL;
        bool runtime_dynamic = false;
        for (int l = 0; l < 2; l++) {
            const struct ynode *m = layers[l];
            if (m == NULL || m->kind != YN_MAP)
                continue;
            const struct ynode *k = key_node(m, "architecture");
            if (k != NULL) {
                const struct ynode *v = ynode_get(m, "architecture");
                fn->arch = arch_of(scalar(v));
                fn->arch_line = v->line;
                fn->arch_col = v->col;
            }
            read_num(&fn->memory, m, "memorySize");
            read_num(&fn->timeout, m, "timeout");
            if (ynode_get(m, "runtime") != NULL) {
                runtime = scalar(ynode_get(m, "runtime"));
                runtime_dynamic = runtime == NULL || strstr(runtime, "${") != NULL;
            }
        }
        bool image = ynode_get(def, "image") != NULL;
        fn->rust = plugin || (runtime != NULL && strcmp(runtime, "rust") == 0);
        fn->provided = !runtime_dynamic && runtime_is_provided(runtime) && !image;
    }
}

static bool name_is(const char *path, const char *a, const char *b)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    return strcmp(base, a) == 0 || strcmp(base, b) == 0;
}

bool deploy_parse(struct deploy_file *out, const char *path, const char *buf, size_t len,
                  struct la_error *err)
{
    memset(out, 0, sizeof *out);
    out->path = xstrdup(path);
    struct ydoc doc;
    if (!ydoc_parse(&doc, path, buf, len, err)) {
        deploy_finish(out);
        return false;
    }
    const struct ynode *root = doc.root;
    bool sam = ynode_get(root, "Resources") != NULL;
    bool sls = !sam && (ynode_get(root, "functions") != NULL || ynode_get(root, "provider"));
    if (!sam && !sls) {
        sam = name_is(path, "template.yaml", "template.yml");
        sls = name_is(path, "serverless.yml", "serverless.yaml");
    }
    out->kind = sls ? DEPLOY_SERVERLESS : DEPLOY_SAM;
    out->default_timeout = sls ? 6 : 3;
    out->default_memory = sls ? 1024 : 128;
    if (root != NULL && root->kind == YN_MAP) {
        if (sls)
            read_serverless(out, root);
        else if (sam)
            read_sam(out, root);
    }
    ydoc_finish(&doc);
    return true;
}

bool deploy_read(struct deploy_file *out, const char *path, struct la_error *err)
{
    char *buf;
    size_t len;
    memset(out, 0, sizeof *out);
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) /* a FIFO would block */
        return la_error_set(err, path, 0, 0, "cannot read: not a regular file");
    if (!file_read_all(path, DEPLOY_MAX_BYTES, &buf, &len, err))
        return false;
    bool ok = deploy_parse(out, path, buf, len, err);
    free(buf);
    return ok;
}

void deploy_finish(struct deploy_file *f)
{
    if (f == NULL)
        return;
    for (size_t i = 0; i < f->nfns; i++) {
        free(f->fns[i].name);
        free(f->fns[i].code_dir);
    }
    free(f->fns);
    free(f->path);
    memset(f, 0, sizeof *f);
}

const char *deploy_arch_name(enum deploy_arch a)
{
    switch (a) {
    case DEPLOY_ARCH_DEFAULT:
        return "x86_64 (the default)";
    case DEPLOY_ARCH_X86_64:
        return "x86_64";
    case DEPLOY_ARCH_ARM64:
        return "arm64";
    case DEPLOY_ARCH_UNKNOWN:
        break;
    }
    return "unknown";
}
