/* `lambda-advisor scan`: the pitfall scan of Rust crates and deploy configs. */
#include "cli.h"
#include "lambda_advisor/rules.h"
#include "lambda_advisor/scan.h"
#include "lambda_advisor/scan_out.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static bool parse_size(const char *s, size_t *out)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s)
        return false;
    if (*end == 'K' || *end == 'k')
        v <<= 10, end++;
    else if (*end == 'M' || *end == 'm')
        v <<= 20, end++;
    if (*end != '\0' || v == 0)
        return false;
    *out = (size_t)v;
    return true;
}

static int list_rules(const char *const *paths, size_t npaths, const struct scan_opts *o)
{
    struct la_error err = LA_ERROR_INIT;
    struct ruleset *rs = scan_load_rules(paths, npaths, o, &err);
    if (rs == NULL) {
        int rc = cli_fail_error(&err);
        la_error_finish(&err);
        return rc;
    }
    for (size_t i = 0; i < rs->n; i++) {
        const struct rule *r = &rs->v[i];
        printf("%-24s %-8s %s%s\n", r->id, severity_name(r->severity),
               r->title ? r->title : r->message, r->disabled ? " (disabled)" : "");
    }
    rules_finish(rs);
    free(rs);
    return EXIT_OK;
}

struct scan_args {
    const char **rules;
    size_t nrules;
    const char *format, *output, *fail_on;
    bool force, list;
    struct scan_opts o;
};

static int take(void *ud, int id, const char *v)
{
    struct scan_args *a = ud;
    char *end;
    long n;
    switch (id) {
    case CLI_OPT_FORMAT:
        a->format = v;
        break;
    case 'o':
        a->output = v;
        break;
    case CLI_OPT_FAIL_ON:
        a->fail_on = v;
        break;
    case CLI_OPT_RULES:
        a->rules[a->nrules++] = v;
        break;
    case CLI_OPT_CONFIG:
        a->o.config_file = v;
        break;
    case CLI_OPT_MAX_FILESIZE:
        if (!parse_size(v, &a->o.max_filesize)) {
            cli_fail("scan: invalid --max-filesize '%s' (bytes, or a number with K or M)", v);
            return -1;
        }
        break;
    case 'j':
        n = strtol(v, &end, 10);
        if (end == v || *end || n < 1 || n > 256) {
            cli_fail("scan: invalid thread count '%s' (1 to 256)", v);
            return -1;
        }
        a->o.threads = (int)n;
        break;
    case CLI_OPT_FORCE:
        a->force = true;
        break;
    case CLI_OPT_LIST_RULES:
        a->list = true;
        break;
    }
    return 1;
}

/* The progress line: on a terminal only, once the scan has taken a second. */
struct progress {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool done, shown;
};

static void ts_add_ms(struct timespec *t, long ms)
{
    t->tv_sec += ms / 1000;
    t->tv_nsec += (ms % 1000) * 1000000L;
    if (t->tv_nsec >= 1000000000L) {
        t->tv_sec++;
        t->tv_nsec -= 1000000000L;
    }
}

static void *progress_main(void *ud)
{
    struct progress *p = ud;
    struct timespec start, now, until;
    clock_gettime(CLOCK_REALTIME, &start);
    /* LA_PROGRESS_DELAY_MS: for the tests, which cannot afford a slow scan */
    const char *d = getenv("LA_PROGRESS_DELAY_MS");
    long delay_ms = d && *d ? strtol(d, NULL, 10) : 1000;
    static const char spin[] = "|/-\\";
    until = start;
    ts_add_ms(&until, delay_ms > 0 ? delay_ms : 0);
    pthread_mutex_lock(&p->mu);
    for (unsigned tick = 0; !p->done; tick++) {
        if (pthread_cond_timedwait(&p->cv, &p->mu, &until) == 0 || p->done)
            break;
        clock_gettime(CLOCK_REALTIME, &now);
        fprintf(stderr, "\rlambda-advisor: scanning %c %lds", spin[tick % 4],
                (long)(now.tv_sec - start.tv_sec));
        fflush(stderr);
        p->shown = true;
        ts_add_ms(&until, 250);
    }
    if (p->shown) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static bool scan_with_progress(const char *const *paths, size_t npaths, const struct scan_opts *o,
                               struct scan_result *res, struct la_error *err)
{
    if (cli_g.quiet || !isatty(STDERR_FILENO))
        return scan_run(paths, npaths, o, res, err);
    struct progress p = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false, false};
    pthread_t th;
    bool started = pthread_create(&th, NULL, progress_main, &p) == 0;
    bool ok = scan_run(paths, npaths, o, res, err);
    if (started) {
        pthread_mutex_lock(&p.mu);
        p.done = true;
        pthread_cond_signal(&p.cv);
        pthread_mutex_unlock(&p.mu);
        pthread_join(th, NULL);
    }
    return ok;
}

int cmd_scan(int argc, char **argv)
{
    struct scan_args a = {.format = "text", .fail_on = "warning"};
    a.rules = xcalloc((size_t)argc + 1, sizeof *a.rules);
    const char **paths = xcalloc((size_t)argc + 1, sizeof *paths);
    size_t npaths = 0;
    struct cli_parsed p;
    int rc = cli_parse(cli_command("scan"), argc, argv, &p, take, &a);
    if (rc != EXIT_OK) {
        rc = rc == CLI_HELP ? EXIT_OK : rc;
        goto out;
    }
    for (size_t i = 0; i < p.nargs; i++)
        paths[npaths++] = p.args[i];
    const char *format = a.format, *output = a.output, *fail_on = a.fail_on;
    struct scan_opts o = a.o;
    if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "sarif") &&
        strcmp(format, "github")) {
        rc = cli_fail("scan: invalid --format '%s'; valid: text, json, sarif, github", format);
        goto out;
    }
    enum severity fail_level = SEV_WARNING;
    bool never = strcmp(fail_on, "never") == 0;
    if (!never && !severity_parse(fail_on, &fail_level)) {
        rc = cli_fail("scan: invalid --fail-on '%s'; valid: note, warning, error, never", fail_on);
        goto out;
    }
    if (npaths == 0)
        paths[npaths++] = ".";
    o.rule_files = a.rules;
    o.nrule_files = a.nrules;
    if (a.list) {
        rc = list_rules(paths, npaths, &o);
        goto out;
    }
    struct scan_result res;
    struct la_error err = LA_ERROR_INIT;
    if (!scan_with_progress(paths, npaths, &o, &res, &err)) {
        rc = cli_fail_error(&err);
        la_error_finish(&err);
        goto out;
    }
    size_t len;
    char *text;
    if (strcmp(format, "json") == 0)
        text = scan_out_json(&res, &len);
    else if (strcmp(format, "sarif") == 0)
        text = scan_out_sarif(&res, &len);
    else if (strcmp(format, "github") == 0)
        text = scan_out_github(&res, &len);
    else
        text = scan_out_text(&res, cli_use_color(output ? NULL : stdout), &len);
    rc = cli_write_output(output, text, len, a.force);
    free(text);
    if (!cli_g.quiet) {
        for (size_t i = 0; i < res.nnotes; i++) {
            char *note = text_escape(res.notes[i]); /* paths from the tree: no raw escapes */
            fprintf(stderr, "lambda-advisor: note: %s\n", note);
            free(note);
        }
        char *summary = scan_out_summary(&res);
        fprintf(stderr, "lambda-advisor: %s\n", summary);
        free(summary);
    }
    if (rc == EXIT_OK && !never)
        for (size_t i = 0; i < res.n; i++)
            if (res.v[i].severity >= fail_level)
                rc = EXIT_FINDINGS;
    scan_result_finish(&res);
out:
    free(paths);
    free(a.rules);
    return rc;
}
