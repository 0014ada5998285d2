/* The files of a generated project, rendered from templates/ for an advice. */
#include "lambda_advisor/project.h"
#include "lambda_advisor/data.h"
#include "lambda_advisor/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MANIFEST "templates/files.tpl"

const char *project_partial(void *ud, const char *name, size_t *len)
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
    /* Sources whose requests reach the handler through lambda_http. */
    tctx_set_bool(c, "lambda_http",
                  has(c, "event_source.http") || has(c, "event_source.api_gateway_rest"));
    tctx_set_bool(c, "aws", aws);
    tctx_set_bool(c, "services", aws || has(c, "clients.http"));
    tctx_set_bool(c, "app_fields", aws || has(c, "clients.http") || has(c, "rayon.yes"));

    static const struct first_of fetch[] = {
        {"event_source.s3", "s3_event"},  {"clients.http", "http"}, {"clients.s3", "s3"},
        {"clients.dynamodb", "dynamodb"}, {NULL, "event"},
    };
    set_first_of(c, "fetch", fetch, sizeof fetch / sizeof fetch[0]);
    tctx_set_bool(c, "reads_s3_object", has(c, "fetch.s3_event") || has(c, "fetch.s3"));
    /* The record's data names what the job reads: an object key or an item key (text). */
    tctx_set_bool(c, "key_in_record",
                  has(c, "fetch.s3") || (has(c, "fetch.dynamodb") && !has(c, "lambda_http")));

    /* With many calls, HTTP makes the per-item calls (item.http below): it reads. */
    bool w_http = has(c, "clients.http") && !has(c, "fetch.http") && !has(c, "fan_out_size.many");
    bool w_ddb = has(c, "clients.dynamodb") && !has(c, "fetch.dynamodb");
    bool w_sqs = has(c, "clients.sqs"), w_sns = has(c, "clients.sns");
    /* HTTP requests and direct invocations answer with the result; the other sources take
     * no answer, so a result with no destination would be lost. */
    bool answers = has(c, "lambda_http") || has(c, "event_source.direct");
    tctx_set_bool(c, "answers_caller", answers);
    /* The pipeline (download, process, upload) uploads what it read from S3 to S3, and so
     * does any function that read S3 objects and has nowhere else to put its results. */
    bool w_s3 =
        (has(c, "clients.s3") && !has(c, "fetch.s3")) ||
        (has(c, "reads_s3_object") &&
         (has(c, "pattern.mixed-pipeline") || (!answers && !w_http && !w_ddb && !w_sqs && !w_sns)));
    tctx_set_bool(c, "write.http", w_http);
    /* Calls to paths under the HTTP API's URL: the items, the details, the results. */
    tctx_set_bool(c, "api_paths",
                  w_http || (has(c, "clients.http") &&
                             (has(c, "fan_out_size.many") ||
                              (has(c, "pattern.async-concurrent") && has(c, "fetch.http")))));
    tctx_set_bool(c, "write.s3", w_s3);
    tctx_set_bool(c, "write.dynamodb", w_ddb);
    tctx_set_bool(c, "write.sqs", w_sqs);
    tctx_set_bool(c, "write.sns", w_sns);
    tctx_set_bool(c, "writes", w_http || w_s3 || w_ddb || w_sqs || w_sns);
    /* More than one destination: the writes run at once (try_join_all). */
    tctx_set_bool(c, "multi_writes", w_http + w_s3 + w_ddb + w_sqs + w_sns > 1);
    tctx_set_bool(c, "text_writes", w_http || w_ddb || w_sqs || w_sns);
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
    /* Many independent calls: one per item of a job's payload, bounded. The payload comes
     * from the event, or from the S3 object the job names (a manifest). */
    bool many = has(c, "fan_out_size.many");
    tctx_set_bool(c, "fan_out_many", many);
    tctx_set_bool(c, "fetch_step", !many || has(c, "reads_s3_object"));
    static const struct first_of item[] = {
        {"clients.http", "http"},
        {"s3_client", "s3"},
        {"clients.dynamodb", "dynamodb"},
        {NULL, "none"},
    };
    set_first_of(c, "item", item, sizeof item / sizeof item[0]);
    /* rayon over a batch: the batch's records are the collection (not chunks of one). */
    tctx_set_bool(c, "rayon_batch",
                  has(c, "rayon.yes") && !many &&
                      (has(c, "event_source.sqs") || has(c, "event_source.kinesis") ||
                       has(c, "event_source.dynamodb_stream")));
    tctx_set_bool(c, "concurrent_few",
                  has(c, "pattern.async-concurrent") && !has(c, "fan_out_size.many"));
    /* Sources whose records must be processed in order (per shard or item). */
    tctx_set_bool(c, "ordered",
                  has(c, "event_source.kinesis") || has(c, "event_source.dynamodb_stream"));
    /* The event source mapping of the deploy template: long work takes one message at a
     * time (a batch shares one timeout, and a retry repeats the whole batch). */
    const char *timeout = tctx_get(c, "timeout_s");
    bool long_work = timeout && atol(timeout) >= 60;
    tctx_set_bool(c, "long_work", long_work);
    tctx_set(c, "batch_size", long_work ? "1" : "10");
    bool async_source = has(c, "event_source.s3") || has(c, "event_source.sns") ||
                        has(c, "event_source.eventbridge");
    tctx_set_bool(c, "async_source", async_source);
    tctx_set_bool(c, "dead_letter_queue",
                  async_source || has(c, "event_source.sqs") || has(c, "ordered"));
    tctx_set(c, "literal.open", "{{");
    tctx_set(c, "literal.close", "}}");
}

/* Whether the template at relpath contains needle. */
static bool template_has(const char *relpath, const char *needle)
{
    size_t len = 0;
    const char *src = data_get(relpath, &len);
    if (src == NULL)
        return false;
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(src + i, needle, n) == 0)
            return true;
    return false;
}

bool project_check_sources(const struct tree *t, struct la_error *err)
{
    const struct question *q = tree_question(t, "event_source");
    if (q == NULL)
        return true;
    for (size_t i = 0; i < q->nchoices; i++) {
        const char *v = q->choices[i].value;
        const struct tree_loc *at = &q->choices[i].loc;
        /* The files of a source, then where the shared templates pick them. */
        const struct {
            const char *fmt, *what;
            bool tag; /* fmt names a template that must contain {{#event_source.V}} */
        } pieces[] = {
            {"templates/rust/source/%s.tpl", "handler part", false},
            {"templates/rust/test/%s.tpl", "test part", false},
            {"templates/events/%s.json.tpl", "sample event", false},
            {"templates/rust/source.tpl", "handler part's place", true},
            {"templates/rust/tests.tpl", "test part's place", true},
        };
        for (size_t k = 0; k < sizeof pieces / sizeof pieces[0]; k++) {
            char *path = xasprintf(pieces[k].fmt, v);
            char *tag = xasprintf("{{#event_source.%s}}", v);
            bool ok = pieces[k].tag ? template_has(path, tag) : data_get(path, NULL) != NULL;
            if (!ok) {
                if (pieces[k].tag)
                    la_error_set(err, at->file, at->line, at->col,
                                 "event source '%s' has no %s: %s has no %s section (see "
                                 "templates/README.md)",
                                 v, pieces[k].what, path, tag);
                else
                    la_error_set(err, at->file, at->line, at->col,
                                 "event source '%s' has no %s: %s is missing (see "
                                 "templates/README.md)",
                                 v, pieces[k].what, path);
            }
            free(tag);
            free(path);
            if (!ok)
                return false;
        }
    }
    return true;
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
    const char *src = project_partial(NULL, tname, &len);
    if (src == NULL) {
        la_error_set(err, MANIFEST, lineno, (int)(tname - line) + 1, "no template \"%s\"", tname);
        free(path);
        return false;
    }
    char *name = xasprintf("templates/%s.tpl", tname);
    struct strbuf body = STRBUF_INIT;
    bool ok = template_render(src, len, name, ctx, project_partial, NULL, &body, err);
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
    bool ok = template_render(msrc, mlen, MANIFEST, ctx, project_partial, NULL, &manifest, err);
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

/* ---- writing a project into a directory ---- */

char *project_default_name(const char *dir)
{
    char *rp = realpath(dir, NULL);
    char *copy = xstrdup(rp ? rp : dir);
    free(rp);
    size_t n = strlen(copy);
    while (n > 1 && copy[n - 1] == '/')
        copy[--n] = '\0';
    const char *base = strrchr(copy, '/') ? strrchr(copy, '/') + 1 : copy;
    char *name = valid_crate_name(base) ? xstrdup(base) : NULL;
    free(copy);
    return name;
}

int project_dir_state(const char *dir)
{
    struct stat st;
    if (lstat(dir, &st) != 0)
        return errno == ENOENT ? 0 : -1;
    if (!S_ISDIR(st.st_mode))
        return -1;
    DIR *d = opendir(dir);
    if (d == NULL)
        return -1;
    int state = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0) {
            state = 1;
            break;
        }
    }
    closedir(d);
    return state;
}

/* Creates the directories of rel (a checked relative path) under root, refusing to pass
 * through anything that is not a real directory (a symlink could lead outside root). */
static bool make_parents(const char *root, const char *rel, struct la_error *err)
{
    char *path = xasprintf("%s/%s", root, rel);
    char *start = path + strlen(root) + 1;
    bool ok = true;
    for (char *s = strchr(start, '/'); ok && s; s = strchr(s + 1, '/')) {
        *s = '\0';
        struct stat st;
        if (lstat(path, &st) == 0) {
            if (!S_ISDIR(st.st_mode))
                ok = la_error_set(err, path, 0, 0, "exists and is not a directory");
        } else if (mkdir(path, 0755) != 0) {
            ok = la_error_set(err, path, 0, 0, "cannot create directory: %s", strerror(errno));
        }
        *s = '/';
    }
    free(path);
    return ok;
}

static bool write_new_file(const char *path, const char *data, struct la_error *err)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0)
        return la_error_set(err, path, 0, 0, "cannot create: %s", strerror(errno));
    size_t len = strlen(data), off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            int e = errno;
            close(fd);
            return la_error_set(err, path, 0, 0, "cannot write: %s", strerror(e));
        }
        off += (size_t)w;
    }
    if (fsync(fd) != 0 || close(fd) != 0)
        return la_error_set(err, path, 0, 0, "cannot write: %s", strerror(errno));
    return true;
}

/* Removes the temporary tree (only what we wrote into it). */
static void remove_tree(const char *root, const struct project_files *files)
{
    for (size_t i = 0; i < files->n; i++) {
        char *p = xasprintf("%s/%s", root, files->v[i].path);
        unlink(p);
        /* Then its now-empty parents, deepest first. */
        for (char *s = strrchr(p, '/'); s && s > p + strlen(root); s = strrchr(p, '/')) {
            *s = '\0';
            if (rmdir(p) != 0)
                break;
        }
        free(p);
    }
    rmdir(root);
}

/* A temporary directory next to dir, on the same filesystem so rename() can move it. */
static char *make_temp_sibling(const char *dir, struct la_error *err)
{
    char *copy = xstrdup(dir);
    size_t n = strlen(copy);
    while (n > 1 && copy[n - 1] == '/')
        copy[--n] = '\0';
    char *slash = strrchr(copy, '/');
    char *tmpl;
    if (slash == NULL)
        tmpl = xasprintf(".%s.new-XXXXXX", copy);
    else if (slash == copy)
        tmpl = xasprintf("/.%s.new-XXXXXX", slash + 1);
    else
        tmpl = xasprintf("%.*s/.%s.new-XXXXXX", (int)(slash - copy), copy, slash + 1);
    free(copy);
    if (mkdtemp(tmpl) == NULL) {
        if (errno == ENOENT)
            la_error_set(err, dir, 0, 0, "its parent directory does not exist");
        else
            la_error_set(err, dir, 0, 0, "cannot create a temporary directory next to it: %s",
                         strerror(errno));
        free(tmpl);
        return NULL;
    }
    /* mkdtemp makes it 0700; the project directory it becomes gets the usual mode. */
    mode_t mask = umask(0);
    umask(mask);
    chmod(tmpl, 0777 & ~mask);
    return tmpl;
}

/* Can rel be put in dir without replacing a directory or a special file, or passing
 * through anything but a real directory? Checked for every file before the first moves. */
static bool can_place(const char *dir, const char *rel, struct la_error *err)
{
    char *path = xasprintf("%s/%s", dir, rel);
    char *start = path + strlen(dir) + 1;
    bool ok = true, absent = false;
    for (char *s = strchr(start, '/'); ok && !absent && s; s = strchr(s + 1, '/')) {
        *s = '\0';
        struct stat st;
        if (lstat(path, &st) != 0)
            absent = true; /* created when the file moves */
        else if (!S_ISDIR(st.st_mode))
            ok = la_error_set(err, path, 0, 0, "exists and is not a directory");
        *s = '/';
    }
    struct stat st;
    if (ok && !absent && lstat(path, &st) == 0 && !S_ISREG(st.st_mode))
        ok = la_error_set(err, path, 0, 0, "%s; not replacing it",
                          S_ISDIR(st.st_mode) ? "is a directory" : "is not a regular file");
    free(path);
    return ok;
}

/* Moves the prepared files from tmp into an existing dir (with --force): all or nothing.
 * Every target is checked first; each file replaced is kept in tmp/.old until all are in
 * place, so that a failure half-way puts back every replaced file and removes every added
 * file and directory. */
static bool move_into(const char *tmp, const char *dir, const struct project_files *files,
                      struct la_error *err)
{
    for (size_t i = 0; i < files->n; i++)
        if (!can_place(dir, files->v[i].path, err))
            return false;
    char *olddir = xasprintf("%s/.old", tmp);
    if (mkdir(olddir, 0700) != 0) {
        la_error_set(err, olddir, 0, 0, "cannot create directory: %s", strerror(errno));
        free(olddir);
        return false;
    }
    bool *replaced = xcalloc(files->n + 1, sizeof *replaced);
    char **made = NULL; /* directories created in dir, in creation order */
    size_t nmade = 0, capmade = 0, moved = 0;
    bool ok = true;
    for (size_t i = 0; ok && i < files->n; i++) {
        const char *rel = files->v[i].path;
        char *to = xasprintf("%s/%s", dir, rel), *from = xasprintf("%s/%s", tmp, rel);
        char *bak = xasprintf("%s/%zu", olddir, i);
        for (char *s = strchr(to + strlen(dir) + 1, '/'); ok && s; s = strchr(s + 1, '/')) {
            *s = '\0';
            struct stat st;
            if (lstat(to, &st) != 0) {
                if (mkdir(to, 0755) == 0) {
                    made = xgrow(made, &capmade, nmade + 1, sizeof *made);
                    made[nmade++] = xstrdup(to);
                } else {
                    ok =
                        la_error_set(err, to, 0, 0, "cannot create directory: %s", strerror(errno));
                }
            }
            *s = '/';
        }
        struct stat st;
        if (ok && lstat(to, &st) == 0) {
            /* keep the old file: a hard link leaves it in place meanwhile */
            if (link(to, bak) != 0 && rename(to, bak) != 0)
                ok = la_error_set(err, to, 0, 0, "cannot set the old file aside: %s",
                                  strerror(errno));
            else
                replaced[i] = true;
        }
        if (ok && rename(from, to) != 0) {
            ok = la_error_set(err, to, 0, 0, "cannot write: %s", strerror(errno));
            if (replaced[i] && access(to, F_OK) != 0)
                rename(bak, to); /* it was moved aside, not linked: back it goes */
            else if (replaced[i])
                unlink(bak);
            replaced[i] = false;
        }
        if (ok)
            moved = i + 1;
        free(to);
        free(from);
        free(bak);
    }
    for (size_t i = moved; i-- > 0;) {
        char *to = xasprintf("%s/%s", dir, files->v[i].path);
        char *bak = xasprintf("%s/%zu", olddir, i);
        if (!ok && replaced[i])
            rename(bak, to); /* the old file comes back over the new one */
        else if (!ok)
            unlink(to);
        else if (replaced[i])
            unlink(bak);
        free(to);
        free(bak);
    }
    for (size_t i = nmade; i-- > 0;) {
        if (!ok)
            rmdir(made[i]);
        free(made[i]);
    }
    free(made);
    free(replaced);
    rmdir(olddir);
    free(olddir);
    return ok;
}

bool project_write(const char *dir, const struct project_files *files, bool force,
                   struct la_error *err)
{
    int state = project_dir_state(dir);
    if (state < 0)
        return la_error_set(err, dir, 0, 0, "is not a directory, or cannot be read");
    if (state > 0 && !force)
        return la_error_set(err, dir, 0, 0,
                            "is not empty; choose another directory or use --force");
    for (size_t i = 0; i < files->n; i++)
        if (!project_path_valid(files->v[i].path))
            return la_error_set(err, NULL, 0, 0, "refusing to write the unsafe path \"%s\"",
                                files->v[i].path);

    /* An existing DIR (say ".") is resolved, so that the temporary directory lands beside it
     * rather than inside it. */
    char *real = state == 0 && access(dir, F_OK) != 0 ? NULL : realpath(dir, NULL);
    char *tmp = make_temp_sibling(real ? real : dir, err);
    free(real);
    if (tmp == NULL)
        return false;
    bool ok = true;
    for (size_t i = 0; ok && i < files->n; i++) {
        ok = make_parents(tmp, files->v[i].path, err);
        if (ok) {
            char *p = xasprintf("%s/%s", tmp, files->v[i].path);
            ok = write_new_file(p, files->v[i].content, err);
            free(p);
        }
    }
    if (ok) {
        if (access(dir, F_OK) != 0) {
            /* A new directory: the whole tree appears at once. */
            if (rename(tmp, dir) == 0) {
                free(tmp);
                return true;
            }
            ok = la_error_set(err, dir, 0, 0, "cannot create: %s", strerror(errno));
        } else {
            /* An existing one (empty, or --force): one rename per prepared file. */
            ok = move_into(tmp, dir, files, err);
        }
    }
    remove_tree(tmp, files);
    free(tmp);
    return ok;
}
