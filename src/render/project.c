/* The files of a generated project, rendered from templates/ for an advice. */
#include "lambda_advisor/project.h"
#include "lambda_advisor/data.h"
#include "lambda_advisor/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define MANIFEST "templates/files.tpl"

static const char *shipped_partial(void *ud, const char *name, size_t *len)
{
    (void)ud;
    char *path = xasprintf("templates/%s.tpl", name);
    const char *s = data_get(path, len);
    free(path);
    return s;
}

static bool has(const struct tctx *c, const char *name)
{
    return tctx_truthy(c, name);
}

/* The first choice whose condition holds wins prefix.VALUE; every other one is false. */
struct first_of {
    const char *when; /* a context name, or NULL for "otherwise" */
    const char *value;
};

static void set_first_of(struct tctx *c, const char *prefix, const struct first_of *v, size_t n)
{
    bool taken = false;
    for (size_t i = 0; i < n; i++) {
        bool on = !taken && (v[i].when == NULL || has(c, v[i].when));
        taken = taken || on;
        char *name = xasprintf("%s.%s", prefix, v[i].value);
        tctx_set_bool(c, name, on);
        free(name);
    }
}

/* Names the templates use beyond the advice's own: which client reads the input, which
 * write the results, and a few conjunctions that logic-less templates cannot express. The
 * templates (templates/README.md) say what each one means. */
static void add_derived(struct tctx *c)
{
    bool s3_client = has(c, "clients.s3") || has(c, "event_source.s3");
    bool aws = s3_client || has(c, "clients.dynamodb") || has(c, "clients.sqs") ||
               has(c, "clients.sns") || has(c, "clients.secrets_manager");
    tctx_set_bool(c, "s3_client", s3_client);
    tctx_set_bool(c, "aws", aws);
    tctx_set_bool(c, "services", aws || has(c, "clients.http"));
    tctx_set_bool(c, "app_fields", aws || has(c, "clients.http"));

    static const struct first_of fetch[] = {
        {"event_source.s3", "s3_event"},  {"clients.http", "http"}, {"clients.s3", "s3"},
        {"clients.dynamodb", "dynamodb"}, {NULL, "event"},
    };
    set_first_of(c, "fetch", fetch, sizeof fetch / sizeof fetch[0]);
    tctx_set_bool(c, "reads_s3_object", has(c, "fetch.s3_event") || has(c, "fetch.s3"));

    bool w_http = has(c, "clients.http") && !has(c, "fetch.http");
    bool w_s3 = has(c, "clients.s3") && !has(c, "fetch.s3");
    bool w_ddb = has(c, "clients.dynamodb") && !has(c, "fetch.dynamodb");
    bool w_sqs = has(c, "clients.sqs"), w_sns = has(c, "clients.sns");
    tctx_set_bool(c, "write.http", w_http);
    tctx_set_bool(c, "write.s3", w_s3);
    tctx_set_bool(c, "write.dynamodb", w_ddb);
    tctx_set_bool(c, "write.sqs", w_sqs);
    tctx_set_bool(c, "write.sns", w_sns);
    tctx_set_bool(c, "writes", w_http || w_s3 || w_ddb || w_sqs || w_sns);
    tctx_set_bool(c, "env_vars",
                  has(c, "clients.http") || has(c, "fetch.s3") || w_s3 ||
                      has(c, "clients.dynamodb") || w_sqs || w_sns ||
                      has(c, "clients.secrets_manager"));

    bool blocking = has(c, "pattern.spawn-blocking") || has(c, "pattern.spawn-blocking-rayon") ||
                    has(c, "pattern.mixed-pipeline");
    tctx_set_bool(c, "blocking", blocking);
    tctx_set_bool(c, "collection",
                  has(c, "rayon.yes") || has(c, "cpu_shape.collection") ||
                      has(c, "pattern.spawn-blocking-rayon"));
    tctx_set_bool(c, "concurrent_few",
                  has(c, "pattern.async-concurrent") && !has(c, "fan_out_size.many"));
    tctx_set(c, "literal.open", "{{");
    tctx_set(c, "literal.close", "}}");
}

static bool valid_crate_name(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 64 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                  (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
        if (!ok)
            return false;
    }
    return true;
}

bool project_path_valid(const char *p)
{
    size_t n = strlen(p);
    if (n == 0 || n > 200 || p[0] == '/' || p[n - 1] == '/')
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = p[i];
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                  (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.' || ch == '/';
        if (!ok)
            return false;
    }
    /* Every component is a plain name: not empty, not "." or "..". */
    for (const char *c = p; *c;) {
        const char *e = strchr(c, '/');
        size_t len = e ? (size_t)(e - c) : strlen(c);
        if (len == 0 || (len == 1 && c[0] == '.') || (len == 2 && c[0] == '.' && c[1] == '.'))
            return false;
        c += len + (e ? 1 : 0);
    }
    return true;
}

struct tctx *project_context(const struct engine *e, const struct advice *adv,
                             const struct project_opts *opts)
{
    struct tctx *c = advice_context(e, adv);
    tctx_set(c, "crate_name", opts && opts->name ? opts->name : "my-function");
    tctx_set_bool(c, "ci.github", opts && opts->ci && strcmp(opts->ci, "github") == 0);
    add_derived(c);
    return c;
}

static void add_file(struct project_files *out, size_t *cap, char *path, char *content)
{
    out->v = xgrow(out->v, cap, out->n + 1, sizeof *out->v);
    out->v[out->n].path = path;
    out->v[out->n].content = content;
    out->n++;
}

static int rank(const char *path)
{
    if (strcmp(path, "src/main.rs") == 0)
        return 0;
    if (strcmp(path, "Cargo.toml") == 0)
        return 1;
    return 2;
}

static int file_cmp(const void *a, const void *b)
{
    const struct project_file *x = a, *y = b;
    int rx = rank(x->path), ry = rank(y->path);
    if (rx != ry)
        return rx - ry;
    return strcmp(x->path, y->path);
}

/* Renders one manifest line "OUTPUT TEMPLATE" (line is NUL-terminated, no newline). */
static bool render_entry(const char *line, int lineno, const struct tctx *ctx,
                         struct project_files *out, size_t *cap, struct la_error *err)
{
    const char *sp = strchr(line, ' ');
    if (sp == NULL || strchr(sp + 1, ' ') != NULL)
        return la_error_set(err, MANIFEST, lineno, 1,
                            "expected \"OUTPUT-PATH TEMPLATE-NAME\", got \"%s\"", line);
    char *path = xstrndup(line, (size_t)(sp - line));
    const char *tname = sp + 1;
    if (!project_path_valid(path)) {
        la_error_set(err, MANIFEST, lineno, 1,
                     "output path \"%s\" must be relative, without \"..\" or odd characters", path);
        free(path);
        return false;
    }
    for (size_t i = 0; i < out->n; i++) {
        if (strcmp(out->v[i].path, path) == 0) {
            la_error_set(err, MANIFEST, lineno, 1, "output path \"%s\" listed twice", path);
            free(path);
            return false;
        }
    }
    size_t len;
    const char *src = shipped_partial(NULL, tname, &len);
    if (src == NULL) {
        la_error_set(err, MANIFEST, lineno, (int)(tname - line) + 1, "no template \"%s\"", tname);
        free(path);
        return false;
    }
    char *name = xasprintf("templates/%s.tpl", tname);
    struct strbuf body = STRBUF_INIT;
    bool ok = template_render(src, len, name, ctx, shipped_partial, NULL, &body, err);
    free(name);
    if (!ok) {
        sb_finish(&body);
        free(path);
        return false;
    }
    add_file(out, cap, path, sb_detach(&body));
    return true;
}

bool project_render(const struct engine *e, const struct advice *adv,
                    const struct project_opts *opts, struct project_files *out,
                    struct la_error *err)
{
    out->v = NULL;
    out->n = 0;
    if (opts && opts->name && !valid_crate_name(opts->name))
        return la_error_set(err, NULL, 0, 0,
                            "invalid crate name \"%s\": a letter, then letters, digits, '-' or "
                            "'_' (at most 64)",
                            opts->name);
    if (opts && opts->ci && strcmp(opts->ci, "github") != 0)
        return la_error_set(err, NULL, 0, 0, "unknown CI \"%s\"; valid: github", opts->ci);
    size_t mlen;
    const char *msrc = data_get(MANIFEST, &mlen);
    if (msrc == NULL)
        return la_error_set(err, MANIFEST, 0, 0, "the project manifest is missing");

    struct tctx *ctx = project_context(e, adv, opts);
    struct strbuf manifest = STRBUF_INIT;
    bool ok = template_render(msrc, mlen, MANIFEST, ctx, shipped_partial, NULL, &manifest, err);
    size_t cap = 0;
    int lineno = 0;
    for (char *line = manifest.s; ok && line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        if (*line)
            ok = render_entry(line, lineno, ctx, out, &cap, err);
        line = nl ? nl + 1 : NULL;
    }
    sb_finish(&manifest);
    tctx_destroy(ctx);
    if (!ok) {
        project_files_finish(out);
        return false;
    }
    qsort(out->v, out->n, sizeof *out->v, file_cmp);
    return true;
}

void project_files_finish(struct project_files *f)
{
    if (f == NULL)
        return;
    for (size_t i = 0; i < f->n; i++) {
        free(f->v[i].path);
        free(f->v[i].content);
    }
    free(f->v);
    f->v = NULL;
    f->n = 0;
}
