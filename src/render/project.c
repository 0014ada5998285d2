/* The files of a generated project, rendered from templates/ for an advice. */
#include "lambda_advisor/project.h"
#include "lambda_advisor/data.h"
#include "lambda_advisor/xalloc.h"
#include "lambda_advisor/ynode.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MANIFEST "templates/files.tpl"
#define SOURCES  "templates/sources/"

/* The pieces of an event source: templates/sources/<id>/<file>.tpl. Each one is set in the
 * context as event_source.<name> = "sources/<id>/<file>", which the shared templates include
 * with {{>*event_source.<name>}}; `check` requires every one (an empty file is a deliberate
 * "nothing"). templates/README.md says where each one goes. */
static const struct piece {
    const char *name, *file, *what;
} pieces[] = {
    {"handler", "handler", "handler part"},
    {"test", "test", "test part"},
    {"event", "event.json", "sample event"},
    {"uses", "uses", "imports"},
    {"cargo", "cargo", "event types dependency (Cargo.toml)"},
    {"cargo_runtime", "cargo_runtime", "runtime dependency (Cargo.toml)"},
    {"sam_events", "sam_events", "function events (template.yaml)"},
    {"sam_resources", "sam_resources", "resources (template.yaml)"},
    {"readme", "readme", "README part"},
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

/* What a source declares of itself in templates/sources/<id>/source.yaml (`traits: [...]`),
 * from which the derived names follow (add_derived). */
enum trait {
    TR_LAMBDA_HTTP,
    TR_BATCH,
    TR_ORDERED,
    TR_ASYNC,
    TR_DLQ,
    TR_S3_EVENT,
    TR_ANSWERS,
    NTRAITS
};
static const char *const trait_names[NTRAITS] = {
    "lambda_http",       "batch",    "ordered",        "async_source",
    "dead_letter_queue", "s3_event", "answers_caller",
};

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
static void add_derived(struct tctx *c, const bool *trait)
{
    bool s3_client = has(c, "clients.s3") || trait[TR_S3_EVENT];
    bool aws = s3_client || has(c, "clients.dynamodb") || has(c, "clients.sqs") ||
               has(c, "clients.sns") || has(c, "clients.secrets_manager");
    tctx_set_bool(c, "s3_client", s3_client);
    tctx_set_bool(c, "lambda_http", trait[TR_LAMBDA_HTTP]);
    tctx_set_bool(c, "s3_event", trait[TR_S3_EVENT]);
    tctx_set_bool(c, "aws", aws);
    tctx_set_bool(c, "services", aws || has(c, "clients.http"));
    tctx_set_bool(c, "app_fields", aws || has(c, "clients.http") || has(c, "rayon.yes"));

    static const struct first_of fetch[] = {
        {"s3_event", "s3_event"},         {"clients.http", "http"}, {"clients.s3", "s3"},
        {"clients.dynamodb", "dynamodb"}, {NULL, "event"},
    };
    set_first_of(c, "fetch", fetch, sizeof fetch / sizeof fetch[0]);
    tctx_set_bool(c, "reads_s3_object", has(c, "fetch.s3_event") || has(c, "fetch.s3"));
    /* The job reads its input with fetch unless it makes many calls, one per item of its
     * payload (the payload then comes from the event, or from the S3 object it names). */
    bool fetch_step = !has(c, "fan_out_size.many") || has(c, "reads_s3_object");
    tctx_set_bool(c, "fetch_step", fetch_step);
    /* The record's data names what the job reads: an object key, or the key of the item
     * that fetch reads. */
    tctx_set_bool(c, "key_in_record",
                  has(c, "fetch.s3") ||
                      (has(c, "fetch.dynamodb") && !has(c, "lambda_http") && fetch_step));

    /* With many calls, HTTP makes the per-item calls (item.http below): it reads. */
    bool w_http = has(c, "clients.http") && !has(c, "fetch.http") && !has(c, "fan_out_size.many");
    bool w_ddb = has(c, "clients.dynamodb") && !has(c, "fetch.dynamodb");
    bool w_sqs = has(c, "clients.sqs"), w_sns = has(c, "clients.sns");
    /* HTTP requests and direct invocations answer with the result; the other sources take
     * no answer, so a result with no destination would be lost. */
    bool answers = trait[TR_ANSWERS];
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
    static const struct first_of item[] = {
        {"clients.http", "http"},
        {"s3_client", "s3"},
        {"clients.dynamodb", "dynamodb"},
        {NULL, "none"},
    };
    set_first_of(c, "item", item, sizeof item / sizeof item[0]);
    /* rayon over a batch: the batch's records are the collection (not chunks of one). */
    tctx_set_bool(c, "rayon_batch", has(c, "rayon.yes") && !many && trait[TR_BATCH]);
    tctx_set_bool(c, "concurrent_few",
                  has(c, "pattern.async-concurrent") && !has(c, "fan_out_size.many"));
    tctx_set_bool(c, "ordered", trait[TR_ORDERED]);
    /* The event source mapping of the deploy template: long work takes one message at a
     * time (a batch shares one timeout, and a retry repeats the whole batch). */
    const char *timeout = tctx_get(c, "timeout_s");
    bool long_work = timeout && atol(timeout) >= 60;
    tctx_set_bool(c, "long_work", long_work);
    tctx_set(c, "batch_size", long_work ? "1" : "10");
    tctx_set_bool(c, "async_source", trait[TR_ASYNC]);
    /* The on-failure destination of asynchronous invocations is the dead-letter queue too. */
    tctx_set_bool(c, "dead_letter_queue", trait[TR_DLQ] || trait[TR_ASYNC]);
    tctx_set(c, "literal.open", "{{");
    tctx_set(c, "literal.close", "}}");
}

/* How messages name a source's file: the user's copy when there is one, else its path
 * relative to the data. The caller frees it. */
static char *source_file_name(const char *rel)
{
    const char *user = data_user_dir();
    if (user) {
        char *full = xasprintf("%s/%s", user, rel);
        struct stat st;
        if (stat(full, &st) == 0 && S_ISREG(st.st_mode))
            return full;
        free(full);
    }
    return xstrdup(rel);
}

/* "lambda_http, batch, ...": the vocabulary, for messages. */
static const char *trait_list(void)
{
    static char buf[256];
    if (buf[0] == '\0')
        for (int k = 0; k < NTRAITS; k++)
            snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", k ? ", " : "",
                     trait_names[k]);
    return buf;
}

/* Reads templates/sources/<id>/source.yaml into trait[] (all false first). Errors name the
 * file's own line and column; a missing file is an error without a place. */
static bool source_traits(const char *id, bool *trait, struct la_error *err)
{
    memset(trait, 0, NTRAITS * sizeof *trait);
    char *rel = xasprintf(SOURCES "%s/source.yaml", id);
    size_t len = 0;
    const char *buf = data_get(rel, &len);
    if (buf == NULL) {
        la_error_set(err, rel, 0, 0, "event source '%s' has no declaration: the file is missing",
                     id);
        free(rel);
        return false;
    }
    char *name = source_file_name(rel);
    free(rel);
    struct ydoc doc;
    bool ok = ydoc_parse(&doc, name, buf, len, err);
    const struct ynode *root = ok ? doc.root : NULL;
    if (ok && (root == NULL || root->kind != YN_MAP))
        ok = la_error_set(err, name, root ? root->line : 1, root ? root->col : 1,
                          "expected a map with 'traits' (a list, [] for none)");
    const struct ynode *list = NULL;
    for (size_t i = 0; ok && i + 1 < root->nkids; i += 2) {
        const struct ynode *k = root->kids[i];
        if (k->kind == YN_SCALAR && strcmp(k->value, "traits") == 0)
            list = root->kids[i + 1];
        else
            ok = la_error_set(
                err, name, k->line, k->col, "unknown key%s%s%s; the only key is 'traits'",
                k->kind == YN_SCALAR ? " '" : "", k->kind == YN_SCALAR ? k->value : "",
                k->kind == YN_SCALAR ? "'" : "");
    }
    if (ok && list == NULL)
        ok = la_error_set(err, name, root->line, root->col, "no 'traits' (a list, [] for none)");
    if (ok && list->kind != YN_SEQ)
        ok = la_error_set(err, name, list->line, list->col,
                          "'traits' is a %s; expected a list of: %s", ynode_kind_name(list->kind),
                          trait_list());
    for (size_t i = 0; ok && i < list->nkids; i++) {
        const struct ynode *v = list->kids[i];
        int k = NTRAITS;
        if (v->kind == YN_SCALAR)
            for (k = 0; k < NTRAITS && strcmp(v->value, trait_names[k]) != 0; k++)
                ;
        if (k == NTRAITS)
            ok =
                la_error_set(err, name, v->line, v->col, "unknown trait%s%s%s; known: %s",
                             v->kind == YN_SCALAR ? " '" : "", v->kind == YN_SCALAR ? v->value : "",
                             v->kind == YN_SCALAR ? "'" : "", trait_list());
        else
            trait[k] = true;
    }
    ydoc_finish(&doc);
    free(name);
    return ok;
}

/* The ids of the folders under templates/sources/ (shipped and the user's), sorted, unique. */
struct ids {
    char **v;
    size_t n, cap;
};

static void ids_add(struct ids *ids, const char *id, size_t n)
{
    for (size_t i = 0; i < ids->n; i++)
        if (strlen(ids->v[i]) == n && strncmp(ids->v[i], id, n) == 0)
            return;
    ids->v = xgrow(ids->v, &ids->cap, ids->n + 1, sizeof *ids->v);
    ids->v[ids->n++] = xstrndup(id, n);
}

static void ids_finish(struct ids *ids)
{
    for (size_t i = 0; i < ids->n; i++)
        free(ids->v[i]);
    free(ids->v);
}

static void collect_id(void *ud, const char *path)
{
    const char *user = data_user_dir();
    if (path[0] == '/' && user && strncmp(path, user, strlen(user)) == 0)
        path += strlen(user) + 1; /* the user's file, named by its absolute path */
    if (strncmp(path, SOURCES, strlen(SOURCES)) != 0)
        return;
    const char *id = path + strlen(SOURCES), *slash = strchr(id, '/');
    if (slash && slash > id)
        ids_add(ud, id, (size_t)(slash - id));
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void data_source_ids(struct ids *ids)
{
    data_each(SOURCES, collect_id, ids);
    qsort(ids->v, ids->n, sizeof *ids->v, cmp_str);
}

static void dir_source_ids(const char *root, struct ids *ids)
{
    char *dir = xasprintf("%s/sources", root);
    DIR *d = opendir(dir);
    struct dirent *de;
    while (d && (de = readdir(d)) != NULL) {
        char *full = xasprintf("%s/%s", dir, de->d_name);
        struct stat st;
        if (de->d_name[0] != '.' && lstat(full, &st) == 0 && S_ISDIR(st.st_mode))
            ids_add(ids, de->d_name, strlen(de->d_name));
        free(full);
    }
    if (d)
        closedir(d);
    free(dir);
    qsort(ids->v, ids->n, sizeof *ids->v, cmp_str);
}

/* The piece event_source.<name> names, or NULL. */
static const struct piece *piece_of(const char *name)
{
    /* accept.event_source.<piece>: the API's pieces in the split (split_context) */
    if (strncmp(name, "accept.", strlen("accept.")) == 0)
        name += strlen("accept.");
    const char *prefix = "event_source.";
    if (strncmp(name, prefix, strlen(prefix)) != 0)
        return NULL;
    for (size_t k = 0; k < NPIECES; k++)
        if (strcmp(name + strlen(prefix), pieces[k].name) == 0)
            return &pieces[k];
    return NULL;
}

static char **piece_values(const struct piece *pc, struct ids *ids)
{
    char **out = xcalloc(ids->n + 1, sizeof *out);
    for (size_t i = 0; i < ids->n; i++)
        out[i] = xasprintf("sources/%s/%s", ids->v[i], pc->file);
    ids_finish(ids);
    return out;
}

char **project_partial_values(void *ud, const char *name)
{
    (void)ud;
    const struct piece *pc = piece_of(name);
    if (pc == NULL)
        return NULL;
    struct ids ids = {0};
    data_source_ids(&ids);
    return piece_values(pc, &ids);
}

char **project_partial_values_dir(void *ud, const char *name)
{
    const struct piece *pc = piece_of(name);
    if (pc == NULL)
        return NULL;
    struct ids ids = {0};
    dir_source_ids(ud, &ids);
    return piece_values(pc, &ids);
}

/* Reports err (then clears it) and counts it. */
static void problem(size_t *n, struct la_error *err, void (*report)(void *, struct la_error *),
                    void *ud)
{
    (*n)++;
    report(ud, err);
    la_error_finish(err);
}

size_t project_check_sources(const struct tree *t, void (*report)(void *ud, struct la_error *err),
                             void *ud)
{
    const struct question *q = tree_question(t, "event_source");
    if (q == NULL)
        return 0;
    size_t n = 0;
    struct la_error err = LA_ERROR_INIT;
    for (size_t i = 0; i < q->nchoices; i++) {
        const char *v = q->choices[i].value;
        const struct tree_loc *at = &q->choices[i].loc;
        /* event_source.<piece> is the piece's name in the context: no choice may take it */
        for (size_t k = 0; k < NPIECES; k++)
            if (strcmp(v, pieces[k].name) == 0) {
                la_error_set(&err, at->file, at->line, at->col,
                             "event source '%s' has the name of a piece (event_source.%s names "
                             "its %s); choose another value",
                             v, v, pieces[k].what);
                problem(&n, &err, report, ud);
            }
        for (size_t k = 0; k < NPIECES; k++) {
            char *path = xasprintf(SOURCES "%s/%s.tpl", v, pieces[k].file);
            if (data_get(path, NULL) == NULL) {
                la_error_set(&err, at->file, at->line, at->col,
                             "event source '%s' has no %s: %s is missing (see "
                             "templates/README.md)",
                             v, pieces[k].what, path);
                problem(&n, &err, report, ud);
            }
            free(path);
        }
        char *decl = xasprintf(SOURCES "%s/source.yaml", v);
        bool trait[NTRAITS];
        if (data_get(decl, NULL) == NULL) {
            la_error_set(&err, at->file, at->line, at->col,
                         "event source '%s' has no declaration: %s is missing (see "
                         "templates/README.md)",
                         v, decl);
            problem(&n, &err, report, ud);
        } else if (!source_traits(v, trait, &err)) {
            problem(&n, &err, report, ud);
        }
        free(decl);
    }
    /* A folder that no choice picks would never be used: a typo, or a forgotten choice. */
    struct ids ids = {0};
    data_source_ids(&ids);
    for (size_t i = 0; i < ids.n; i++) {
        bool chosen = false;
        for (size_t k = 0; k < q->nchoices && !chosen; k++)
            chosen = strcmp(q->choices[k].value, ids.v[i]) == 0;
        if (!chosen) {
            la_error_set(&err, q->loc.file, q->loc.line, q->loc.col,
                         "templates/sources/%s/ is an event source no choice of '%s' names: add "
                         "the choice '%s', or remove the folder",
                         ids.v[i], q->id, ids.v[i]);
            problem(&n, &err, report, ud);
        }
    }
    ids_finish(&ids);
    return n;
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

/* The context of one function: the advice's names, the source's pieces and the derived. */
static struct tctx *function_context(const struct engine *e, const struct advice *adv,
                                     const struct project_opts *opts, struct la_error *err)
{
    struct tctx *c = advice_context(e, adv);
    tctx_set(c, "crate_name", opts && opts->name ? opts->name : "my-function");
    tctx_set_bool(c, "ci.github", opts && opts->ci && strcmp(opts->ci, "github") == 0);
    bool trait[NTRAITS] = {false};
    const char *id = tctx_get(c, "event_source");
    if (id && *id) {
        for (size_t k = 0; k < NPIECES; k++) {
            char *name = xasprintf("event_source.%s", pieces[k].name);
            char *value = xasprintf("sources/%s/%s", id, pieces[k].file);
            tctx_set(c, name, value);
            free(name);
            free(value);
        }
        if (!source_traits(id, trait, err)) {
            tctx_destroy(c);
            return NULL;
        }
    }
    add_derived(c, trait);
    return c;
}

/* The worker of the asynchronous split: the same answers with the work arriving from an SQS
 * queue, one partial batch response per message; the engine then gives exactly the
 * worker's settings (its timeout, the queue's visibility timeout, the batch size). */
static struct tctx *worker_context(const struct engine *e, const struct project_opts *opts,
                                   struct la_error *err)
{
    const struct tree *t = e->tree;
    struct engine w;
    engine_init(&w, t);
    bool ok = true;
    for (size_t qi = 0; ok && qi < t->nquestions; qi++) {
        const struct question *q = &t->questions[qi];
        const char *fixed = strcmp(q->id, "event_source") == 0     ? "sqs"
                            : strcmp(q->id, "batch_failures") == 0 ? "yes"
                                                                   : NULL;
        struct value v = e->answers[qi];
        if (fixed)
            ok = question_parse_value(q, fixed, &v, err);
        if (ok && v.set && engine_is_asked(&w, qi))
            ok = engine_answer(&w, qi, &v, err);
    }
    struct tctx *c = NULL;
    if (ok) {
        struct advice wadv;
        advice_compute(&wadv, &w);
        c = function_context(&w, &wadv, opts, err);
        advice_finish(&wadv);
    }
    engine_finish(&w);
    return c;
}

static void copy_name(struct tctx *to, const char *to_name, const struct tctx *from,
                      const char *from_name)
{
    const char *v = tctx_get(from, from_name);
    tctx_set(to, to_name, v ? v : "");
}

/* The split (templates/README.md, "The asynchronous split"): when the work outlasts the
 * API's integration timeout the advice has worker_timeout_s, and the project is the
 * worker's (src/main.rs, its queue) plus the function that accepts the requests
 * (src/bin/accept.rs), whose own settings and source pieces are accept.*. */
static struct tctx *split_context(const struct engine *e, struct tctx *api,
                                  const struct project_opts *opts, struct la_error *err)
{
    struct tctx *c = worker_context(e, opts, err);
    if (c == NULL) {
        tctx_destroy(api);
        return NULL;
    }
    tctx_set_bool(c, "split", true);
    static const char *const same[] = {"worker_timeout_s", "worker_visibility_timeout_s"};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
        copy_name(c, same[i], api, same[i]);
    static const char *const accept[] = {"timeout_s", "call_timeout_s", "memory_mb", "event_source",
                                         "event_source.label"};
    for (size_t i = 0; i < sizeof accept / sizeof accept[0]; i++) {
        char *name = xasprintf("accept.%s", accept[i]);
        copy_name(c, name, api, accept[i]);
        free(name);
    }
    for (size_t k = 0; k < NPIECES; k++) {
        char *from = xasprintf("event_source.%s", pieces[k].name);
        char *to = xasprintf("accept.%s", from);
        copy_name(c, to, api, from);
        free(from);
        free(to);
    }
    tctx_destroy(api);
    return c;
}

/* Whether the advice shows the setting id (its `when` holds): every setting has a value. */
static bool setting_shown(const struct advice *adv, const char *id)
{
    for (size_t i = 0; adv && i < adv->tree->nsettings; i++)
        if (strcmp(adv->tree->settings[i].id, id) == 0)
            return adv->setting_shown[i];
    return false;
}

struct tctx *project_context(const struct engine *e, const struct advice *adv,
                             const struct project_opts *opts, struct la_error *err)
{
    struct tctx *c = function_context(e, adv, opts, err);
    if (c != NULL && setting_shown(adv, "worker_timeout_s") && has(c, "lambda_http"))
        c = split_context(e, c, opts, err);
    if (c == NULL)
        return NULL;
    /* What Cargo.toml needs for both functions (the accept function sends to SQS). */
    bool split = has(c, "split");
    tctx_set_bool(c, "split", split);
    tctx_set_bool(c, "crate.aws_config", split || has(c, "aws"));
    tctx_set_bool(c, "crate.aws_sdk_sqs", split || has(c, "clients.sqs"));
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

    struct tctx *ctx = project_context(e, adv, opts, err);
    if (ctx == NULL)
        return false;
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
