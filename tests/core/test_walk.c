/* An exhaustive walk of the shipped tree: every combination of choice and yes/no answers,
 * every subset of goals, and the number answers at their edges and at the thresholds that
 * change the advice. Every path must give a pattern and consistent settings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "lambda_advisor/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const long memory_points[] = {128, 1024, 1769, 3537, 3538, 10240};
static const long duration_points[] = {1, 1000, 2999, 3001, 28000, 29001, 31000, 600000, 900000};

struct walk {
    struct tree *t;
    size_t paths;
    size_t by_pattern[5];
    size_t reports;
};

static const char *const patterns[] = {"async-concurrent", "async-sequential", "spawn-blocking",
                                       "spawn-blocking-rayon", "mixed-pipeline"};

static const char *answer_of(const struct engine *e, const char *id)
{
    const struct question *q = tree_question(e->tree, id);
    size_t qi = (size_t)(q - e->tree->questions);
    if (!e->answers[qi].set)
        return NULL;
    return q->choices[e->answers[qi].choice].value;
}

static long num_of(const struct engine *e, const char *id)
{
    const struct question *q = tree_question(e->tree, id);
    return e->answers[q - e->tree->questions].num;
}

static void check_path(struct walk *w, const struct engine *e)
{
    struct advice adv;
    advice_compute(&adv, e);
    const char *pattern = advice_setting_str(&adv, "pattern");
    const char *arch = advice_setting_str(&adv, "architecture");
    const char *rayon = advice_setting_str(&adv, "rayon");
    long mem = advice_setting_num(&adv, "memory_mb");
    long timeout = advice_setting_num(&adv, "timeout_s");
    long duration = num_of(e, "duration_ms");
    const char *workload = answer_of(e, "workload");
    const char *source = answer_of(e, "event_source");
    size_t p;
    for (p = 0; p < 5; p++)
        if (strcmp(pattern, patterns[p]) == 0)
            break;
    assert_true(p < 5);
    w->by_pattern[p]++;
    w->paths++;
    /* memory: within Lambda's range, never below what rayon needs when rayon is used */
    assert_in_range(mem, 128, 10240);
    assert_true(mem >= num_of(e, "memory_mb") || mem >= 128);
    if (strcmp(pattern, "spawn-blocking-rayon") == 0 || (rayon && strcmp(rayon, "yes") == 0))
        assert_true(mem >= 3538);
    /* timeout: covers the expected duration, never over 900 s */
    assert_true(timeout * 1000 >= duration);
    assert_in_range(timeout, 1, 900);
    if (strcmp(source, "api_gateway_rest") == 0 && duration <= 29000)
        assert_true(timeout <= 29);
    if (strcmp(source, "http") == 0 && duration <= 30000)
        assert_true(timeout <= 30);
    /* architecture: x86_64 exactly when x86-only native libraries are needed */
    assert_int_equal(strcmp(arch, "x86_64") == 0, strcmp(answer_of(e, "native_deps"), "yes") == 0);
    /* the pattern fits the workload */
    if (strcmp(workload, "io") == 0) {
        assert_true(strncmp(pattern, "async-", 6) == 0);
        assert_int_equal(strcmp(pattern, "async-concurrent") == 0,
                         strcmp(answer_of(e, "io_shape"), "fan_out") == 0);
    } else if (strcmp(workload, "cpu") == 0) {
        assert_true(strncmp(pattern, "spawn-blocking", 14) == 0);
        if (strcmp(answer_of(e, "cpu_shape"), "single_task") == 0)
            assert_string_equal(pattern, "spawn-blocking");
    } else {
        assert_string_equal(pattern, "mixed-pipeline");
    }
    /* every recommendation that applies has a body; a sample of paths (one in 61, so every
     * branch of every body is reached many times) renders the whole report */
    for (size_t i = 0; i < adv.nrecs; i++)
        assert_true(adv.recs[i]->body[0] != '\0');
    if (w->paths % 61 == 0) {
        struct strbuf md = STRBUF_INIT;
        struct la_error err = LA_ERROR_INIT;
        if (!report_markdown(e, &adv, NULL, &md, &err))
            fail_msg("report: %s", err.msg);
        assert_null(strstr(sb_str(&md), "{{"));
        sb_reset(&md);
        if (!report_json(e, &adv, NULL, &md, &err))
            fail_msg("json: %s", err.msg);
        sb_finish(&md);
        w->reports++;
    }
    advice_finish(&adv);
}

/* Depth-first over the next question's values. */
static void walk(struct walk *w, struct engine *e)
{
    long qi = engine_next(e);
    if (qi < 0) {
        check_path(w, e);
        return;
    }
    const struct question *q = &e->tree->questions[qi];
    struct value v = {.set = true};
    struct la_error err = LA_ERROR_INIT;
    size_t n = 0;
    switch (q->kind) {
    case Q_CHOICE:
    case Q_YESNO:
        n = q->nchoices;
        break;
    case Q_MULTI:
        /* goals: every subset; other multi-choice questions: none, the first alone, and all */
        n = strcmp(q->id, "goals") == 0 ? (size_t)1 << q->nchoices : 3;
        break;
    case Q_NUMBER:
        n = strcmp(q->id, "memory_mb") == 0     ? sizeof memory_points / sizeof *memory_points
            : strcmp(q->id, "duration_ms") == 0 ? sizeof duration_points / sizeof *duration_points
                                                : 3;
        break;
    }
    for (size_t i = 0; i < n; i++) {
        switch (q->kind) {
        case Q_CHOICE:
        case Q_YESNO:
            v.choice = (int)i;
            break;
        case Q_MULTI:
            if (strcmp(q->id, "goals") == 0)
                v.mask = i;
            else
                v.mask = i == 0             ? 0
                         : i <= q->nchoices ? 1ULL << (i - 1)
                                            : (1ULL << q->nchoices) - 1;
            break;
        case Q_NUMBER:
            v.num = strcmp(q->id, "memory_mb") == 0     ? memory_points[i]
                    : strcmp(q->id, "duration_ms") == 0 ? duration_points[i]
                    : i == 0                            ? q->min
                    : i == 1                            ? q->def.num
                                                        : q->max;
            break;
        }
        assert_true(engine_answer(e, (size_t)qi, &v, &err));
        walk(w, e);
        assert_true(engine_back(e));
    }
    la_error_finish(&err);
}

static void test_every_path(void **state)
{
    (void)state;
    struct la_error err = LA_ERROR_INIT;
    struct walk w = {0};
    w.t = tree_load_default(&err);
    if (w.t == NULL)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.col, err.msg);
    struct engine e;
    engine_init(&e, w.t);
    walk(&w, &e);
    printf("walked %zu paths, rendered %zu reports:", w.paths, w.reports);
    for (size_t p = 0; p < 5; p++) {
        printf(" %s=%zu", patterns[p], w.by_pattern[p]);
        assert_true(w.by_pattern[p] > 0); /* every pattern is reachable */
    }
    printf("\n");
    engine_finish(&e);
    tree_destroy(w.t);
}

static void test_contract(void **state)
{
    (void)state;
    /* PRODUCT.md's question ids and values, and the recommendations the scan links to. */
    static const struct {
        const char *id, *kind, *values;
    } qs[] = {
        {"workload", "choice", "io,cpu,mixed"},
        {"io_shape", "choice", "fan_out,chain,single"},
        {"fan_out_size", "choice", "few,many"},
        {"cpu_shape", "choice", "single_task,collection"},
        {"event_source", "choice",
         "api_gateway_rest,http,s3,sqs,sns,dynamodb_stream,kinesis,eventbridge,direct"},
        {"batch_failures", "yesno", "yes,no"},
        {"clients", "multi", "http,s3,dynamodb,sqs,sns,secrets_manager,none"},
        {"goals", "multi", "cold_start,latency,cost,throughput"},
        {"memory_mb", "number", NULL},
        {"duration_ms", "number", NULL},
        {"native_deps", "yesno", "yes,no"},
    };
    static const char *const recs[] = {
        "client-reuse", "spawn-blocking", "concurrent-io", "bounded-concurrency", "error-handling",
        "s3-keys",      "observability",  "testing",       "release-profile",     "arm64",
        "timeout",      "memory-vcpu",    "tls",           "cold-start"};
    struct la_error err = LA_ERROR_INIT;
    struct tree *t = tree_load_default(&err);
    if (t == NULL)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.col, err.msg);
    for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
        const struct question *q = tree_question(t, qs[i].id);
        if (q == NULL)
            fail_msg("question %s is missing", qs[i].id);
        assert_string_equal(question_kind_name(q->kind), qs[i].kind);
        if (qs[i].values) {
            char *list = strdup(qs[i].values), *save = NULL;
            size_t n = 0;
            for (char *v = strtok_r(list, ",", &save); v; v = strtok_r(NULL, ",", &save), n++)
                if (question_choice(q, v) < 0)
                    fail_msg("question %s lacks value %s", q->id, v);
            assert_int_equal(n, q->nchoices);
            free(list);
        }
    }
    const struct question *mem = tree_question(t, "memory_mb");
    assert_int_equal(mem->min, 128);
    assert_int_equal(mem->max, 10240);
    assert_int_equal(mem->def.num, 1024);
    const struct question *dur = tree_question(t, "duration_ms");
    assert_int_equal(dur->min, 1);
    assert_int_equal(dur->max, 900000);
    for (size_t i = 0; i < sizeof recs / sizeof recs[0]; i++) {
        size_t r;
        for (r = 0; r < t->nrecs; r++)
            if (strcmp(t->recs[r].id, recs[i]) == 0)
                break;
        if (r == t->nrecs)
            fail_msg("recommendation %s is missing", recs[i]);
    }
    tree_destroy(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contract),
        cmocka_unit_test(test_every_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
