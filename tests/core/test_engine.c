/* The engine on a small tree: question order, answers, going back, advice. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "lambda_advisor/advice.h"
#include "lambda_advisor/xalloc.h"

#include <stdlib.h>
#include <string.h>

static struct tree *load_mini(void)
{
    const char *path = SRC_DIR "/tests/core/trees/mini.yaml";
    struct la_error err = LA_ERROR_INIT;
    struct tree *t = tree_load_files(&path, 1, &err);
    if (t == NULL)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.col, err.msg);
    return t;
}

static size_t qidx(const struct tree *t, const char *id)
{
    const struct question *q = tree_question(t, id);
    assert_non_null(q);
    return (size_t)(q - t->questions);
}

static void answer(struct engine *e, const char *id, const char *text)
{
    size_t qi = qidx(e->tree, id);
    struct value v;
    struct la_error err = LA_ERROR_INIT;
    assert_true(question_parse_value(&e->tree->questions[qi], text, &v, &err));
    assert_true(engine_answer(e, qi, &v, &err));
}

static void test_order_and_conditions(void **state)
{
    (void)state;
    struct tree *t = load_mini();
    struct engine e;
    engine_init(&e, t);
    assert_int_equal(engine_next(&e), (long)qidx(t, "workload"));
    answer(&e, "workload", "cpu");
    /* io_shape is not asked for a CPU workload */
    assert_int_equal(engine_next(&e), (long)qidx(t, "goals"));
    assert_false(engine_is_asked(&e, qidx(t, "io_shape")));
    engine_back(&e);
    assert_int_equal(engine_next(&e), (long)qidx(t, "workload"));
    answer(&e, "workload", "mixed");
    assert_int_equal(engine_next(&e), (long)qidx(t, "io_shape"));
    answer(&e, "io_shape", "fan_out");
    answer(&e, "goals", "latency,cost");
    answer(&e, "memory_mb", "2048");
    answer(&e, "native_deps", "no");
    assert_int_equal(engine_next(&e), -1);
    /* Changing workload to cpu drops the io_shape answer, which is no longer asked. */
    answer(&e, "workload", "cpu");
    assert_false(e.answers[qidx(t, "io_shape")].set);
    assert_int_equal(engine_next(&e), -1);
    assert_int_equal(e.nhistory, 4);
    engine_finish(&e);
    tree_destroy(t);
}

static void test_back_to_start(void **state)
{
    (void)state;
    struct tree *t = load_mini();
    struct engine e;
    engine_init(&e, t);
    assert_false(engine_back(&e));
    engine_fill_defaults(&e);
    assert_int_equal(engine_next(&e), -1);
    size_t n = e.nhistory;
    assert_int_equal(n, 5); /* workload, io_shape (io default), goals, memory, native */
    while (engine_back(&e))
        n--;
    assert_int_equal(n, 0);
    assert_int_equal(engine_next(&e), 0);
    engine_finish(&e);
    tree_destroy(t);
}

static void test_invalid_values(void **state)
{
    (void)state;
    struct tree *t = load_mini();
    struct value v;
    struct la_error err = LA_ERROR_INIT;
    const struct question *mem = tree_question(t, "memory_mb");
    assert_false(question_parse_value(mem, "64", &v, &err));
    assert_string_equal(err.msg,
                        "invalid value '64' for memory_mb: expected a whole number from 128 to "
                        "10240 MB");
    assert_false(question_parse_value(mem, "1e3", &v, &err));
    assert_false(question_parse_value(mem, "", &v, &err));
    assert_false(question_parse_value(tree_question(t, "workload"), "gpu", &v, &err));
    assert_string_equal(err.msg, "invalid value 'gpu' for workload: valid values are io, cpu, "
                                 "mixed");
    assert_false(question_parse_value(tree_question(t, "goals"), "latency,speed", &v, &err));
    assert_true(question_parse_value(tree_question(t, "goals"), "latency, cost", &v, &err));
    assert_int_equal(v.mask, 6);
    /* engine_answer refuses out-of-range values built by hand */
    struct engine e;
    engine_init(&e, t);
    struct value bad = {.set = true, .num = 99999};
    assert_false(engine_answer(&e, qidx(t, "memory_mb"), &bad, &err));
    la_error_finish(&err);
    engine_finish(&e);
    tree_destroy(t);
}

static void test_advice(void **state)
{
    (void)state;
    struct tree *t = load_mini();
    struct engine e;
    engine_init(&e, t);
    answer(&e, "workload", "cpu");
    answer(&e, "goals", "latency");
    answer(&e, "memory_mb", "1024");
    answer(&e, "native_deps", "yes");
    struct advice adv;
    advice_compute(&adv, &e);
    /* The memory_mb setting raises the answer to 3538; later settings see the setting. */
    assert_string_equal(advice_setting_str(&adv, "memory_mb"), "3538");
    assert_string_equal(advice_setting_str(&adv, "memory_mb_alias"), "3538");
    assert_string_equal(advice_setting_str(&adv, "pattern"), "spawn-blocking-rayon");
    assert_string_equal(advice_setting_str(&adv, "architecture"), "x86_64");
    assert_int_equal(advice_setting_num(&adv, "timeout_s"), 6); /* ceil(3538*3/2000) */
    assert_int_equal(adv.nrecs, 1);
    assert_string_equal(adv.recs[0]->id, "rayon");
    advice_finish(&adv);

    /* Cost only: memory stays, no rayon; arm64 recommended first in its category order. */
    answer(&e, "goals", "cost");
    answer(&e, "native_deps", "no");
    advice_compute(&adv, &e);
    assert_string_equal(advice_setting_str(&adv, "memory_mb"), "1024");
    assert_string_equal(advice_setting_str(&adv, "pattern"), "spawn-blocking");
    assert_int_equal(adv.nrecs, 1);
    assert_string_equal(adv.recs[0]->id, "arm");
    advice_finish(&adv);

    /* Ordering: category order first (concurrency before cost), then priority. */
    engine_reset(&e);
    answer(&e, "workload", "io");
    answer(&e, "io_shape", "fan_out");
    advice_compute(&adv, &e); /* partial answers: defaults fill in */
    assert_string_equal(advice_setting_str(&adv, "pattern"), "async-concurrent");
    assert_int_equal(adv.nrecs, 2);
    assert_string_equal(adv.recs[0]->id, "join");
    assert_string_equal(adv.recs[1]->id, "arm");
    advice_finish(&adv);
    engine_finish(&e);
    tree_destroy(t);
}

/* answer.ID after a setting has replaced the question, div, decimals and hidden. */
static void test_setting_features(void **state)
{
    (void)state;
    static const char tree[] =
        "version: 1\n"
        "questions:\n"
        "  - {id: memory_mb, kind: number, prompt: M, default: 128, min: 128, max: 10240}\n"
        "settings:\n"
        "  - id: memory_mb\n    kind: number\n    title: Memory\n    rules:\n"
        "      - {when: {lt: {memory_mb: 1769}}, value: 1769}\n"
        "      - value: {ref: memory_mb}\n"
        "  - id: gain\n    kind: number\n    title: Gain\n    decimals: 1\n    rules:\n"
        "      - value: {div: [{add: [{mul: [{ref: memory_mb}, 20]}, {ref: answer.memory_mb}]},"
        " {mul: [{ref: answer.memory_mb}, 2]}]}\n"
        "  - id: basis\n    kind: choice\n    title: Basis\n    hidden: true\n"
        "    values: [{value: raised}, {value: kept}]\n    rules:\n"
        "      - {when: {lt: {answer.memory_mb: 1769}}, value: raised}\n"
        "      - value: kept\n"
        "  - {id: pattern, kind: choice, title: P, values: [{value: spawn-blocking}],"
        " rules: [{value: spawn-blocking}]}\n"
        "  - {id: architecture, kind: choice, title: A, values: [{value: arm64}],"
        " rules: [{value: arm64}]}\n"
        "  - {id: timeout_s, kind: number, title: T, rules: [{value: {div: [7, 2]}}]}\n";
    const char *name = "features.yaml", *buf = tree;
    size_t len = sizeof tree - 1;
    struct la_error err = LA_ERROR_INIT;
    struct tree *t = tree_load_buffers(&name, &buf, &len, 1, &err);
    if (t == NULL)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.col, err.msg);
    struct engine e;
    engine_init(&e, t);
    answer(&e, "memory_mb", "128");
    struct advice adv;
    advice_compute(&adv, &e);
    assert_string_equal(advice_setting_str(&adv, "memory_mb"), "1769");
    assert_string_equal(advice_setting_str(&adv, "gain"), "13.8"); /* 1769 / 128, a tenth */
    assert_int_equal(advice_setting_num(&adv, "gain"), 138);
    assert_string_equal(advice_setting_str(&adv, "basis"), "raised"); /* answer, not setting */
    assert_int_equal(advice_setting_num(&adv, "timeout_s"), 3);       /* div rounds down */
    size_t basis = (size_t)(tree_setting(t, "basis") - t->settings);
    size_t gain = (size_t)(tree_setting(t, "gain") - t->settings);
    assert_false(adv.setting_shown[basis]);
    assert_true(adv.setting_shown[gain]);
    advice_finish(&adv);
    answer(&e, "memory_mb", "4096");
    advice_compute(&adv, &e);
    assert_string_equal(advice_setting_str(&adv, "gain"), "1.0");
    assert_string_equal(advice_setting_str(&adv, "basis"), "kept");
    advice_finish(&adv);
    engine_finish(&e);
    tree_destroy(t);
}

static void test_conditions_describe(void **state)
{
    (void)state;
    struct tree *t = load_mini();
    char *w = tree_question_when(t, tree_question(t, "io_shape"));
    assert_string_equal(w, "workload is one of io, mixed");
    free(w);
    w = tree_question_when(t, tree_question(t, "workload"));
    assert_string_equal(w, "always");
    free(w);
    tree_destroy(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order_and_conditions), cmocka_unit_test(test_back_to_start),
        cmocka_unit_test(test_invalid_values),       cmocka_unit_test(test_advice),
        cmocka_unit_test(test_conditions_describe),  cmocka_unit_test(test_setting_features),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
