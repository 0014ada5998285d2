/* The scan: load the rules, walk the roots, a worker per core over the files, then the
 * crate-level and config checks; findings sorted for stable output. */
#include "lambda_advisor/config_check.h"
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/walk.h"
#include "lambda_advisor/xalloc.h"
#include "scan_int.h"
#include "suppress.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BINARY_PROBE 8192
/* A Lambda crate with fewer lines of code than this and no client or CPU-heavy dependency is a
 * trivial handler (an echo, a greeting): no-tests stays quiet on it. */
#define TRIVIAL_LINES 60
/* An entry point this small whose path dependency holds the tests is tested there. */
#define THIN_LINES 150

/* Names that show a log or tracing subscriber that prints being set up: tracing-subscriber's
 * fmt (a registry with only a filter layer prints nothing), the runtime's helper, the log
 * crate's loggers, exporters. */
static const char tracing_pattern[] =
    "tracing_subscriber::fmt|\\bfmt::(?:layer|init|Subscriber|Layer|fmt|format)\\b|"
    "FmtSubscriber|(?<![.\\w])fmt\\(\\)|init_default_subscriber|env_logger|simple_logger|"
    "log4rs|pretty_env_logger|fern::|tracing_bunyan|set_boxed_logger|set_logger|"
    "tracing_appender|opentelemetry|stderrlog|flexi_logger|json_subscriber|tracing_journald|"
    "tracing_stackdriver|tracing_logfmt|tracing_tree";

struct crate_state {
    bool any_test, any_tracing;
    size_t code_lines; /* non-blank lines of code outside comments, tests excluded */
    char *main_path;
    int main_line, main_col;
    bool main_is_src_main;
    unsigned main_allowed; /* crate-level rules suppressed at that main */
};

/* A Rust file to scan, copied out of the walk (whose arrays move while it goes on). */
struct job {
    char *path; /* owned by the job */
    enum walk_kind kind;
    const char *crate_dir;
    int crate;
    bool lambda, in_tree;
};

struct ctx {
    const struct ruleset *rs;
    const struct walk_result *walk; /* complete only once walk_done */
    struct crate_state *crates;
    size_t capcrates;
    struct config_model *model; /* the crate model: used by the walking thread, then at the end */
    signed char *fn_crate;      /* per walk crate: 0 not asked, 1 reaches the runtime, -1 not */
    size_t capfn;
    pcre2_code *tracing_re;
    size_t max_size;
    pthread_mutex_t mu;
    pthread_cond_t more;
    struct thread *walker; /* the walking thread's own worker, for when the queue is full */
    struct job *jobs;      /* under mu: found by the walk, taken by the workers */
    size_t njobs, capjobs, next;
    bool walk_done;
    unsigned config_kinds; /* RK_CARGO / RK_DEPLOY when a pattern rule applies to those */
    const char *const *roots;
    size_t nroots;
    /* merged under mu */
    struct fvec out;
    char **notes;
    size_t nnotes, capnotes;
    size_t scanned, large, binary, unreadable;
};

struct thread {
    pthread_t id;
    struct ctx *C;
    struct worker w;
    char *buf;
    size_t cap;
};

/* strerror for worker threads (glibc's strerror is not thread-safe for every errno). */
static char *errtext(int e, char *buf, size_t n)
{
    return strerror_r(e, buf, n);
}

static void add_note(struct ctx *C, char *msg)
{
    pthread_mutex_lock(&C->mu);
    C->notes = xgrow(C->notes, &C->capnotes, C->nnotes + 1, sizeof *C->notes);
    C->notes[C->nnotes++] = msg;
    pthread_mutex_unlock(&C->mu);
}

/* Test code by place: tests/ or benches/ directly in the crate, or a tests.rs module file;
 * build.rs runs at build time, like main. */
static uint16_t base_flags(const char *path, const char *crate_dir)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (strcmp(base, "tests.rs") == 0 || strcmp(base, "test.rs") == 0)
        return SF_TEST;
    if (crate_dir != NULL) {
        char *abs = crate_dir[0] == '/' && path[0] != '/' ? realpath(path, NULL) : NULL;
        const char *p = abs ? abs : path;
        size_t n = strlen(crate_dir);
        const char *rel = NULL;
        if (strcmp(crate_dir, ".") == 0)
            rel = p;
        else if (strncmp(p, crate_dir, n) == 0 && p[n] == '/')
            rel = p + n + 1;
        uint16_t f = 0;
        if (rel && (strncmp(rel, "tests/", 6) == 0 || strncmp(rel, "benches/", 8) == 0))
            f = SF_TEST;
        else if (rel && strcmp(rel, "build.rs") == 0)
            f = SF_MAIN;
        free(abs);
        return f;
    }
    return strcmp(base, "build.rs") == 0 ? SF_MAIN : 0;
}

/* Reads a whole file into t->buf; false (with a note) when it is skipped. */
static bool read_file(struct thread *t, const char *path, size_t *len)
{
    struct ctx *C = t->C;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK); /* a FIFO must not block */
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        char eb[128];
        add_note(C,
                 xasprintf("%s: skipped: cannot read it: %s", path, errtext(errno, eb, sizeof eb)));
        if (fd >= 0)
            close(fd);
        pthread_mutex_lock(&C->mu);
        C->unreadable++;
        pthread_mutex_unlock(&C->mu);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return false;
    }
    if ((size_t)st.st_size > C->max_size) {
        close(fd);
        add_note(C, xasprintf("%s: skipped: %lld bytes, over the %zu-byte limit (--max-filesize)",
                              path, (long long)st.st_size, C->max_size));
        pthread_mutex_lock(&C->mu);
        C->large++;
        pthread_mutex_unlock(&C->mu);
        return false;
    }
    size_t want = (size_t)st.st_size;
    if (t->cap < want + SUBJECT_PAD)
        t->buf = xgrow(t->buf, &t->cap, want + SUBJECT_PAD, 1);
    size_t got = 0;
    while (got < want) {
        ssize_t r = read(fd, t->buf + got, want - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            char eb[128];
            add_note(C, xasprintf("%s: skipped: cannot read it: %s", path,
                                  errtext(errno, eb, sizeof eb)));
            close(fd);
            pthread_mutex_lock(&C->mu);
            C->unreadable++;
            pthread_mutex_unlock(&C->mu);
            return false;
        }
        if (r == 0)
            break; /* the file shrank */
        got += (size_t)r;
    }
    close(fd);
    /* PCRE2's JIT reads whole aligned words past the end of the subject (and masks them off):
     * defined bytes there keep valgrind from seeing an "uninitialised value" in JIT code */
    memset(t->buf + got, 0, SUBJECT_PAD);
    if (memchr(t->buf, '\0', got < BINARY_PROBE ? got : BINARY_PROBE)) {
        add_note(C, xasprintf("%s: skipped: binary file", path));
        pthread_mutex_lock(&C->mu);
        C->binary++;
        pthread_mutex_unlock(&C->mu);
        return false;
    }
    *len = got;
    return true;
}

/* Lines of the file just scanned that hold code (comments and blank lines not counted). */
static size_t code_lines(const struct worker *w)
{
    size_t n = 0;
    bool code = false;
    for (size_t i = 0; i < w->lx.len; i++) {
        char ch = w->lx.code[i];
        if (ch == '\n') {
            n += code;
            code = false;
        } else if (ch != ' ' && ch != '\t' && ch != '\r') {
            code = true;
        }
    }
    return n + code;
}

/* An example of the crate (examples/...): its main is not the crate's. */
static bool in_examples(const char *path, const char *crate_dir)
{
    if (crate_dir == NULL)
        return false;
    size_t n = strlen(crate_dir);
    const char *rel = strcmp(crate_dir, ".") == 0                          ? path
                      : strncmp(path, crate_dir, n) == 0 && path[n] == '/' ? path + n + 1
                                                                           : NULL;
    if (rel != NULL && rel[0] == '.' && rel[1] == '/')
        rel += 2;
    return rel != NULL && strncmp(rel, "examples/", 9) == 0;
}

static void do_file(struct thread *t, const struct job *f)
{
    struct ctx *C = t->C;
    size_t len;
    if (!read_file(t, f->path, &len))
        return;
    if (f->kind != WK_RUST) {
        scan_config_text(&t->w, f->path, t->buf, len, f->kind == WK_CARGO ? RK_CARGO : RK_DEPLOY);
        return;
    }
    bool lambda = f->crate >= 0 ? f->lambda
                                : (memmem(t->buf, len, "lambda_runtime", 14) ||
                                   memmem(t->buf, len, "lambda_http", 11));
    bool facts_wanted = f->crate >= 0 && f->in_tree && f->lambda;
    struct file_facts facts = {0};
    uint16_t base = base_flags(f->path, f->crate_dir);
    scan_rust(&t->w, f->path, t->buf, len, lambda, base, facts_wanted, &facts);
    pthread_mutex_lock(&C->mu);
    C->scanned++;
    if (facts_wanted) {
        if ((size_t)f->crate >= C->capcrates) {
            size_t old = C->capcrates;
            C->crates = xgrow(C->crates, &C->capcrates, (size_t)f->crate + 1, sizeof *C->crates);
            memset(C->crates + old, 0, (C->capcrates - old) * sizeof *C->crates);
        }
        struct crate_state *cs = &C->crates[f->crate];
        cs->any_test |= facts.has_test;
        cs->any_tracing |= facts.has_tracing;
        if (!(base & SF_TEST))
            cs->code_lines += code_lines(&t->w);
        if (facts.main_line && !(base & SF_MAIN) && !in_examples(f->path, f->crate_dir)) {
            size_t n = strlen(f->path);
            bool src_main = n >= 11 && strcmp(f->path + n - 11, "src/main.rs") == 0;
            if (cs->main_path == NULL || (src_main && !cs->main_is_src_main) ||
                (src_main == cs->main_is_src_main && strcmp(f->path, cs->main_path) < 0)) {
                free(cs->main_path);
                cs->main_path = xstrdup(f->path);
                cs->main_line = facts.main_line;
                cs->main_col = facts.main_col;
                cs->main_is_src_main = src_main;
                cs->main_allowed = facts.allowed;
            }
        }
    }
    pthread_mutex_unlock(&C->mu);
}

static void *thread_main(void *arg)
{
    struct thread *t = arg;
    struct ctx *C = t->C;
    for (;;) {
        pthread_mutex_lock(&C->mu);
        while (C->next >= C->njobs && !C->walk_done)
            pthread_cond_wait(&C->more, &C->mu);
        if (C->next >= C->njobs) {
            pthread_mutex_unlock(&C->mu);
            break;
        }
        struct job job = C->jobs[C->next++];
        if (C->next == C->njobs)
            C->next = C->njobs = 0; /* drained: start the queue over */
        pthread_mutex_unlock(&C->mu);
        do_file(t, &job);
        free(job.path);
    }
    return NULL;
}

#define QUEUE_MAX 1024

/* Called by the walk for each file found: Rust sources become jobs for the workers. When
 * they fall behind, the walking thread scans the file itself, so the queue (and memory) stays
 * small whatever the size of the tree. */
static bool on_file(void *ud, const struct walk_result *w, size_t i)
{
    struct ctx *C = ud;
    struct walk_file *f = &w->files[i];
    /* Cargo.toml and deploy configs: the config checks read them (the walk keeps them); pattern
     * rules for them (kinds: cargo / deploy, from users' rule files) run here too */
    if (f->kind == WK_CARGO && !(C->config_kinds & RK_CARGO))
        return false;
    if (f->kind == WK_DEPLOY && !(C->config_kinds & RK_DEPLOY))
        return false;
    const struct walk_crate *cr = f->crate >= 0 ? &w->crates[f->crate] : NULL;
    bool take = f->kind == WK_RUST;
    /* the crate model decides which crates reach the runtime (through a wrapper crate, an
     * optional dependency, the Lambda Web Adapter) beyond the walk's look at the manifest */
    bool lambda = cr && cr->lambda;
    if (cr != NULL && take && !lambda) {
        size_t k = (size_t)f->crate;
        if (k >= C->capfn) {
            size_t old = C->capfn;
            C->fn_crate = xgrow(C->fn_crate, &C->capfn, k + 1, sizeof *C->fn_crate);
            memset(C->fn_crate + old, 0, C->capfn - old);
        }
        if (C->fn_crate[k] == 0) {
            struct config_crate info;
            bool reach =
                config_model_crate(C->model, cr->dir, &info) && info.reach != CONFIG_REACH_NONE;
            C->fn_crate[k] = reach ? 1 : -1;
        }
        lambda = C->fn_crate[k] > 0;
    }
    struct job j = {take ? f->path : xstrdup(f->path),
                    f->kind,
                    cr ? cr->dir : NULL,
                    f->crate,
                    lambda,
                    cr && cr->in_tree};
    pthread_mutex_lock(&C->mu);
    if (C->njobs - C->next >= QUEUE_MAX) {
        pthread_mutex_unlock(&C->mu);
        do_file(C->walker, &j);
        free(j.path);
        return take;
    }
    if (C->next > 0 && C->njobs == C->capjobs) {
        memmove(C->jobs, C->jobs + C->next, (C->njobs - C->next) * sizeof *C->jobs);
        C->njobs -= C->next;
        C->next = 0;
    }
    C->jobs = xgrow(C->jobs, &C->capjobs, C->njobs + 1, sizeof *C->jobs);
    C->jobs[C->njobs++] = j;
    pthread_cond_signal(&C->more);
    pthread_mutex_unlock(&C->mu);
    return take;
}

/* ---- crate-level and config findings ---- */

/* The last file read_line read, with where its lines start: config findings come many to a
 * file (a template.yaml with 20k functions), and reading the file again for each one made
 * the scan quadratic. Only the thread that reports crate and config findings uses it. */
static _Thread_local struct {
    char *path, *buf;
    size_t len, *starts, nlines;
} line_cache;

static void line_cache_drop(void)
{
    free(line_cache.path);
    free(line_cache.buf);
    free(line_cache.starts);
    memset(&line_cache, 0, sizeof line_cache);
}

/* Reads line `line` of path into a new string (NULL when it cannot). */
static char *read_line(const char *path, int line)
{
    if (line_cache.path == NULL || strcmp(line_cache.path, path) != 0) {
        line_cache_drop();
        char *buf;
        size_t len;
        if (!file_read_all(path, 0, &buf, &len, NULL))
            return NULL;
        size_t cap = 0;
        for (size_t i = 0; i <= len; i++) {
            if (i == 0 || buf[i - 1] == '\n') {
                if (i == len)
                    break; /* no line after the last newline (or in an empty file) */
                line_cache.starts = xgrow(line_cache.starts, &cap, line_cache.nlines + 1,
                                          sizeof *line_cache.starts);
                line_cache.starts[line_cache.nlines++] = i;
            }
        }
        line_cache.path = xstrdup(path);
        line_cache.buf = buf;
        line_cache.len = len;
    }
    if (line < 1 || (size_t)line > line_cache.nlines)
        return NULL;
    size_t b = line_cache.starts[line - 1], e = b;
    while (e < line_cache.len && line_cache.buf[e] != '\n')
        e++;
    while (e > b && line_cache.buf[e - 1] == '\r')
        e--;
    return xstrndup(line_cache.buf + b, e - b);
}

static void add_located(struct fvec *fv, const struct rule *r, const char *rule_id,
                        enum severity sev, const char *path, int line, int col, int width,
                        const char *detail)
{
    char *snip = line > 0 ? read_line(path, line) : NULL;
    rules_file_begin();
    fvec_add(fv, r, rule_id, sev, path, line, col, line, col + width, detail, snip,
             snip ? strlen(snip) : 0);
    free(snip);
}

static void crate_findings(struct ctx *C)
{
    const struct walk_result *w = C->walk;
    const struct rule *nt = NULL, *ntr = NULL;
    for (size_t i = 0; i < C->rs->n; i++) {
        const struct rule *r = &C->rs->v[i];
        if (r->disabled)
            continue;
        if (r->check == RC_NO_TESTS)
            nt = r;
        else if (r->check == RC_NO_TRACING)
            ntr = r;
    }
    for (size_t i = 0; i < w->ncrates; i++) {
        const struct walk_crate *cr = &w->crates[i];
        static struct crate_state none;
        struct crate_state *cs = i < C->capcrates ? &C->crates[i] : &none;
        /* Lambda function crates only: not virtual workspace roots, libraries (no main), or
         * integration-test crates */
        struct config_crate info;
        if (!cr->in_tree || cs->main_path == NULL ||
            !config_model_crate(C->model, cr->dir, &info) || !config_crate_is_function(&info) ||
            info.test_only)
            continue;
        const char *path = cs->main_path;
        int line = cs->main_line, col = cs->main_col, width = 4;
        /* a trivial handler (a few dozen lines, no client, no CPU-heavy crate) needs no test;
         * a thin entry point is tested through the crate it calls */
        bool trivial = cs->code_lines < TRIVIAL_LINES && !info.slow_work && !info.aws_calls;
        bool dep_tests = false, dep_subscriber = false;
        if ((!cs->any_test && !cr->has_tests_dir) || !cs->any_tracing)
            config_model_crate_deps(C->model, cr->dir, &dep_tests, &dep_subscriber);
        bool thin_tested = dep_tests && cs->code_lines <= THIN_LINES;
        if (nt && !cs->any_test && !cr->has_tests_dir && !trivial && !thin_tested &&
            !(cs->main_allowed & 1))
            add_located(&C->out, nt, NULL, nt->severity, path, line, col, width, NULL);
        if (ntr && !cs->any_tracing && !dep_subscriber && !(cs->main_allowed & 2))
            add_located(&C->out, ntr, NULL, ntr->severity, path, line, col, width, NULL);
    }
}

static void config_emit(void *ud, const char *rule, const char *path, int line, int col,
                        const char *detail, bool as_note)
{
    struct ctx *C = ud;
    const struct rule *r = rules_find(C->rs, rule);
    if (r && r->disabled)
        return;
    while (path[0] == '.' && path[1] == '/' && path[2] != '\0')
        path += 2;
    if (line < 1)
        line = 1;
    if (col < 1)
        col = 1;
    if (r)
        add_located(&C->out, r, NULL, as_note ? SEV_NOTE : r->severity, path, line, col, 1, detail);
    else
        add_located(&C->out, NULL, rule, SEV_WARNING, path, line, col, 1, detail ? detail : rule);
}

static void config_error(void *ud, const struct la_error *err)
{
    struct ctx *C = ud;
    char *msg = la_error_format(err);
    pthread_mutex_lock(&C->mu); /* the walking thread asks the model while workers note */
    C->notes = xgrow(C->notes, &C->capnotes, C->nnotes + 1, sizeof *C->notes);
    C->notes[C->nnotes++] = xasprintf("%s (its checks were skipped)", msg);
    C->unreadable++;
    pthread_mutex_unlock(&C->mu);
    free(msg);
}

/* The model's question about a helper crate's source: does it set up a subscriber? */
static bool subscriber_in(void *ud, const char *src, size_t len)
{
    struct ctx *C = ud;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(C->tracing_re, NULL);
    int rc = pcre2_match(C->tracing_re, (PCRE2_SPTR)src, len, 0, 0, md, NULL);
    pcre2_match_data_free(md);
    return rc > 0;
}

static int cmp_str(const void *a, const void *b);

static void config_findings(struct ctx *C)
{
    const struct walk_result *w = C->walk;
    const char **dirs = xcalloc(w->ncrates + 1, sizeof *dirs);
    const char **deploy = xcalloc(w->nfiles + 1, sizeof *deploy);
    size_t nd = 0, ny = 0;
    for (size_t i = 0; i < w->ncrates; i++)
        if (w->crates[i].in_tree)
            dirs[nd++] = w->crates[i].dir;
    for (size_t i = 0; i < w->nfiles; i++)
        if (w->files[i].kind == WK_DEPLOY)
            deploy[ny++] = w->files[i].path;
    struct config_run run = {dirs, nd, deploy, ny, C->roots, C->nroots, true};
    config_model_check(C->model, &run, config_emit, C);
    free(dirs);
    free(deploy);
}

/* ---- `#` suppressions in Cargo.toml and deploy configs ---- */

static const char *norm_path(const char *p)
{
    while (p[0] == '.' && p[1] == '/' && p[2] != '\0')
        p += 2;
    return p;
}

static bool is_rust_path(const char *p)
{
    size_t n = strlen(p);
    return n >= 3 && strcmp(p + n - 3, ".rs") == 0;
}

static void drop_finding(struct fvec *fv, size_t i)
{
    finding_clear(&fv->v[i]);
    fv->v[i] = fv->v[--fv->n];
}

/* The suppressions of one config file applied to every finding in it (the config checks' and
 * user pattern rules' alike), with the same parser and the same unused / malformed notes as
 * in Rust files. */
static void suppress_in(struct ctx *C, const char *path)
{
    char *buf;
    size_t len;
    if (!file_read_all(path, 4u << 20, &buf, &len, NULL))
        return;
    if (memmem(buf, len, "lambda-advisor:", 15) == NULL) {
        free(buf);
        return;
    }
    const char *np = norm_path(path);
    struct supp *sp = NULL;
    size_t nsp = 0, cap = 0;
    int n = 1;
    for (const char *l = buf, *end = buf + len; l < end; n++) {
        const char *e = memchr(l, '\n', (size_t)(end - l));
        if (e == NULL)
            e = end;
        const char *hash = supp_hash_comment(l, e);
        struct supp s;
        int rc = hash ? supp_parse(hash, (size_t)(e - hash), &s) : 0;
        if (rc != 0) {
            s.line = n;
            s.start = (size_t)(hash - l);
            s.end = (size_t)(e - l);
            while (s.end > s.start && (l[s.end - 1] == '\r' || l[s.end - 1] == ' '))
                s.end--;
        }
        if (rc < 0)
            fvec_add(&C->out, NULL, SCAN_RULE_SUPPRESSION, SEV_NOTE, np, n, (int)s.start + 1, n,
                     (int)s.end + 1,
                     "malformed suppression, ignored: the form is "
                     "`# lambda-advisor: allow(rule-id)` or `allow-file(rule-id)`",
                     l, (size_t)(e - l));
        if (rc > 0) {
            sp = xgrow(sp, &cap, nsp + 1, sizeof *sp);
            sp[nsp++] = s;
        }
        l = e + 1;
    }
    for (size_t i = 0; i < C->out.n;) {
        struct finding *f = &C->out.v[i];
        bool hit = false;
        if (strcmp(norm_path(f->path), np) == 0 && strcmp(f->rule, SCAN_RULE_SUPPRESSION) != 0)
            for (size_t k = 0; k < nsp; k++) {
                if (!sp[k].file && f->line != sp[k].line && f->line != sp[k].line + 1)
                    continue;
                for (int j = 0; j < sp[k].nids; j++)
                    if (strcmp(sp[k].ids[j], f->rule) == 0)
                        hit = sp[k].used[j] = true;
            }
        if (hit)
            drop_finding(&C->out, i);
        else
            i++;
    }
    for (size_t k = 0; k < nsp; k++) {
        for (int j = 0; j < sp[k].nids; j++) {
            const struct rule *r = rules_find(C->rs, sp[k].ids[j]);
            if (sp[k].used[j] || (r && r->disabled))
                continue;
            char *msg = r ? xasprintf("this suppression of %s silences nothing", sp[k].ids[j])
                          : xasprintf("unknown rule id '%s' in a suppression", sp[k].ids[j]);
            add_located(&C->out, NULL, SCAN_RULE_SUPPRESSION, SEV_NOTE, np, sp[k].line,
                        (int)sp[k].start + 1, (int)(sp[k].end - sp[k].start), msg);
            free(msg);
        }
    }
    free(sp);
    free(buf);
}

static void config_suppressions(struct ctx *C)
{
    const struct walk_result *w = C->walk;
    char **paths = NULL;
    size_t np = 0, cap = 0;
    for (size_t i = 0; i < w->nfiles; i++)
        if (w->files[i].kind != WK_RUST) {
            paths = xgrow(paths, &cap, np + 1, sizeof *paths);
            paths[np++] = xstrdup(norm_path(w->files[i].path));
        }
    for (size_t i = 0; i < C->out.n; i++)
        if (!is_rust_path(C->out.v[i].path)) {
            paths = xgrow(paths, &cap, np + 1, sizeof *paths);
            paths[np++] = xstrdup(norm_path(C->out.v[i].path));
        }
    if (np)
        qsort(paths, np, sizeof *paths, cmp_str);
    for (size_t i = 0; i < np; i++)
        if (i == 0 || strcmp(paths[i], paths[i - 1]) != 0)
            suppress_in(C, paths[i]);
    for (size_t i = 0; i < np; i++)
        free(paths[i]);
    free(paths);
}

/* ---- entry points ---- */

static int cmp_finding(const void *a, const void *b)
{
    const struct finding *x = a, *y = b;
    int c = strcmp(x->path, y->path);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return strcmp(x->rule, y->rule);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The project config for a root: .lambda-advisor.yaml in the root's directory or the nearest
 * one above it, up to the repository's top (the directory holding .git). Each file is applied
 * once however many roots share it. */
static bool find_config(struct ruleset *rs, const char *root, char ***seen, size_t *nseen,
                        size_t *capseen, struct la_error *err)
{
    struct stat st;
    if (stat(root, &st) != 0)
        return true;
    char *dir = NULL;
    if (S_ISDIR(st.st_mode)) {
        dir = realpath(root, NULL);
    } else {
        char *full = realpath(root, NULL);
        char *slash = full ? strrchr(full, '/') : NULL;
        if (slash)
            *slash = '\0';
        dir = full;
    }
    if (dir == NULL)
        return true;
    bool ok = true;
    for (int up = 0; up < 64; up++) {
        char *cfg = xasprintf("%s/.lambda-advisor.yaml", dir[0] ? dir : "");
        if (access(cfg, F_OK) == 0) {
            bool dup = false;
            for (size_t i = 0; i < *nseen && !dup; i++)
                dup = strcmp((*seen)[i], cfg) == 0;
            if (!dup) {
                *seen = xgrow(*seen, capseen, *nseen + 1, sizeof **seen);
                (*seen)[(*nseen)++] = xstrdup(cfg);
                /* name it as the user would: relative to the root when it is the root's own */
                char *shown = up == 0 && S_ISDIR(st.st_mode)
                                  ? xasprintf("%s/.lambda-advisor.yaml", root)
                                  : xstrdup(cfg);
                ok = rules_apply_config(rs, shown, err);
                free(shown);
            }
            free(cfg);
            break;
        }
        free(cfg);
        char *git = xasprintf("%s/.git", dir[0] ? dir : "");
        bool top = access(git, F_OK) == 0;
        free(git);
        char *slash = strrchr(dir, '/');
        if (top || slash == NULL || dir[0] == '\0')
            break;
        *slash = '\0'; /* "/a" becomes "": the root directory */
    }
    free(dir);
    return ok;
}

struct ruleset *scan_load_rules(const char *const *paths, size_t npaths,
                                const struct scan_opts *opts, struct la_error *err)
{
    struct ruleset *rs = xcalloc(1, sizeof *rs);
    bool ok = rules_load_default(rs, err);
    for (size_t i = 0; ok && i < opts->nrule_files; i++)
        ok = rules_load_file(rs, opts->rule_files[i], err);
    if (ok && opts->config_file) {
        ok = rules_apply_config(rs, opts->config_file, err);
    } else {
        char **seen = NULL;
        size_t nseen = 0, capseen = 0;
        for (size_t i = 0; ok && i < npaths; i++)
            ok = find_config(rs, paths[i], &seen, &nseen, &capseen, err);
        for (size_t i = 0; i < nseen; i++)
            free(seen[i]);
        free(seen);
    }
    if (!ok) {
        rules_finish(rs);
        free(rs);
        return NULL;
    }
    return rs;
}

bool scan_run(const char *const *paths, size_t npaths, const struct scan_opts *opts,
              struct scan_result *out, struct la_error *err)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < npaths; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0)
            return la_error_set(err, paths[i], 0, 0, "cannot scan: %s", strerror(errno));
    }
    struct ruleset *rs = scan_load_rules(paths, npaths, opts, err);
    if (rs == NULL)
        return false;
    struct walk_result walk;
    struct ctx C = {.rs = rs, .walk = &walk, .roots = paths, .nroots = npaths};
    C.max_size = opts->max_filesize ? opts->max_filesize : SCAN_MAX_FILESIZE;
    int code;
    PCRE2_SIZE off;
    C.tracing_re =
        pcre2_compile((PCRE2_SPTR)tracing_pattern, PCRE2_ZERO_TERMINATED, 0, &code, &off, NULL);
    pcre2_jit_compile(C.tracing_re, PCRE2_JIT_COMPLETE);
    C.model = config_model_new(config_error, subscriber_in, &C);
    config_model_roots(C.model, paths, npaths);
    pthread_mutex_init(&C.mu, NULL);
    pthread_cond_init(&C.more, NULL);
    for (size_t i = 0; i < rs->n; i++)
        if (!rs->v[i].disabled && rs->v[i].check == RC_PATTERN)
            C.config_kinds |= rs->v[i].kinds & (RK_CARGO | RK_DEPLOY);
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    size_t nthreads = opts->threads > 0 ? (size_t)opts->threads : ncpu > 0 ? (size_t)ncpu : 1;
    if (nthreads > 64)
        nthreads = 64;
    /* workers 1.. start now and scan while this thread walks; it joins them afterwards */
    struct thread *th = xcalloc(nthreads, sizeof *th);
    for (size_t i = 0; i < nthreads; i++) {
        th[i].C = &C;
        worker_init(&th[i].w, rs, C.tracing_re);
    }
    size_t started = 1;
    for (size_t i = 1; i < nthreads; i++)
        if (pthread_create(&th[i].id, NULL, thread_main, &th[i]) == 0)
            started = i + 1;
        else
            break;
    C.walker = &th[0];
    bool ok = walk_run_cb(paths, npaths, &walk, on_file, &C, err);
    pthread_mutex_lock(&C.mu);
    C.walk_done = true;
    if (!ok) {
        for (size_t i = C.next; i < C.njobs; i++)
            free(C.jobs[i].path);
        C.next = C.njobs; /* nothing more to do */
    }
    pthread_cond_broadcast(&C.more);
    pthread_mutex_unlock(&C.mu);
    thread_main(&th[0]);
    for (size_t i = 1; i < started; i++)
        pthread_join(th[i].id, NULL);
    for (size_t i = 0; i < nthreads; i++) {
        struct fvec *fv = &th[i].w.out;
        for (size_t k = 0; ok && k < fv->n; k++) {
            C.out.v = xgrow(C.out.v, &C.out.cap, C.out.n + 1, sizeof *C.out.v);
            C.out.v[C.out.n++] = fv->v[k];
        }
        if (ok)
            fv->n = 0;
        worker_finish(&th[i].w);
        free(th[i].buf);
    }
    free(th);
    if (ok) {
        crate_findings(&C);
        config_findings(&C);
        config_suppressions(&C);
        line_cache_drop();
        for (size_t i = 0; i < walk.nnotes; i++) {
            C.notes = xgrow(C.notes, &C.capnotes, C.nnotes + 1, sizeof *C.notes);
            C.notes[C.nnotes++] = walk.notes[i];
            walk.notes[i] = NULL;
            C.unreadable++;
        }
        if (C.scanned == 0 && walk.ncrates == 0 && walk.nfiles == 0 && C.nnotes == 0) {
            C.notes = xgrow(C.notes, &C.capnotes, C.nnotes + 1, sizeof *C.notes);
            C.notes[C.nnotes++] = xstrdup("nothing to scan: no Rust sources (.rs), Cargo.toml or "
                                          "deploy configs under the given paths");
        }
        if (C.out.n)
            qsort(C.out.v, C.out.n, sizeof *C.out.v, cmp_finding);
        if (C.nnotes)
            qsort(C.notes, C.nnotes, sizeof *C.notes, cmp_str);
        out->v = C.out.v;
        out->n = C.out.n;
        out->files_scanned = C.scanned;
        out->skipped_large = C.large;
        out->skipped_binary = C.binary;
        out->skipped_unreadable = C.unreadable;
        out->files_skipped = C.large + C.binary + C.unreadable;
        out->notes = C.notes;
        out->nnotes = C.nnotes;
        out->max_filesize = C.max_size;
        out->rules = rs;
    } else {
        fvec_finish(&C.out);
        for (size_t i = 0; i < C.nnotes; i++)
            free(C.notes[i]);
        free(C.notes);
        rules_finish(rs);
        free(rs);
    }
    for (size_t i = 0; i < C.capcrates; i++)
        free(C.crates[i].main_path);
    free(C.crates);
    free(C.fn_crate);
    config_model_free(C.model);
    free(C.jobs);
    pcre2_code_free(C.tracing_re);
    pthread_cond_destroy(&C.more);
    pthread_mutex_destroy(&C.mu);
    walk_finish(&walk);
    return ok;
}

void scan_result_finish(struct scan_result *r)
{
    if (r == NULL)
        return;
    struct fvec fv = {r->v, r->n, r->n};
    fvec_finish(&fv);
    for (size_t i = 0; i < r->nnotes; i++)
        free(r->notes[i]);
    free(r->notes);
    if (r->rules) {
        rules_finish(r->rules);
        free(r->rules);
    }
    memset(r, 0, sizeof *r);
}

const char *severity_name(enum severity s)
{
    return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}
