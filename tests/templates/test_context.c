/* Unit tests for advice_context(): the names templates see for answers and settings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "lambda_advisor/advice.h"
#include "lambda_advisor/engine.h"
#include "lambda_advisor/project.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char tree_yaml[] =
    "version: 1\n"
    "questions:\n"
    "  - id: workload\n"
    "    kind: choice\n"
    "    prompt: What?\n"
    "    default: io\n"
    "    choices:\n"
    "      - { value: io, label: Waiting on I/O }\n"
    "      - { value: cpu, label: Computing }\n"
    "  - id: io_shape\n"
    "    kind: choice\n"
    "    prompt: Shape?\n"
    "    default: single\n"
    "    when: { eq: { workload: io } }\n"
    "    choices: [ { value: fan_out, label: Fan }, { value: single, label: One } ]\n"
    "  - id: clients\n"
    "    kind: multi\n"
    "    prompt: Clients?\n"
    "    default: [none]\n"
    "    choices:\n"
    "      - { value: http, label: HTTP }\n"
    "      - { value: s3, label: Amazon S3 }\n"
    "      - { value: none, label: None }\n"
    "  - id: memory_mb\n"
    "    kind: number\n"
    "    prompt: Memory?\n"
    "    min: 128\n"
    "    max: 10240\n"
    "    default: 1024\n"
    "  - id: native_deps\n"
    "    kind: yesno\n"
    "    prompt: Native?\n"
    "    default: \"no\"\n"
    "settings:\n"
    "  - id: memory_mb\n"
    "    kind: number\n"
    "    title: Memory\n"
    "    rules:\n"
    "      - value: { max: [ { ref: memory_mb }, 2048 ] }\n"
    "  - id: pattern\n"
    "    kind: choice\n"
    "    title: Pattern\n"
    "    values: [async-concurrent, async-sequential, spawn-blocking, spawn-blocking-rayon,\n"
    "             mixed-pipeline]\n"
    "    rules:\n"
    "      - when: { eq: { workload: cpu } }\n"
    "        value: spawn-blocking\n"
    "      - value: async-sequential\n"
    "  - id: architecture\n"
    "    kind: choice\n"
    "    title: Arch\n"
    "    values: [arm64, x86_64]\n"
    "    rules:\n"
    "      - value: arm64\n"
    "  - id: timeout_s\n"
    "    kind: number\n"
    "    title: Timeout\n"
    "    rules:\n"
    "      - value: 10\n";

static struct tree *load(void)
{
    const char *names[] = {"ctx.yaml"};
    const char *bufs[] = {tree_yaml};
    size_t lens[] = {sizeof tree_yaml - 1};
    struct la_error err = LA_ERROR_INIT;
    struct tree *t = tree_load_buffers(names, bufs, lens, 1, &err);
    if (t == NULL) {
        char *m = la_error_format(&err);
        fprintf(stderr, "%s\n", m);
        free(m);
    }
    la_error_finish(&err);
    assert_non_null(t);
    return t;
}

static void answer(struct engine *e, const char *id, const char *text)
{
    const struct tree *t = e->tree;
    const struct question *q = tree_question(t, id);
    assert_non_null(q);
    struct value v;
    struct la_error err = LA_ERROR_INIT;
    assert_true(question_parse_value(q, text, &v, &err));
    assert_true(engine_answer(e, (size_t)(q - t->questions), &v, &err));
    la_error_finish(&err);
}

static char *render(const struct tctx *c, const char *src)
{
    struct strbuf out = STRBUF_INIT;
    struct la_error err = LA_ERROR_INIT;
    assert_true(template_render(src, strlen(src), "t", c, NULL, NULL, &out, &err));
    return sb_detach(&out);
}

static void expect(const struct tctx *c, const char *src, const char *want)
{
    char *got = render(c, src);
    assert_string_equal(got, want);
    free(got);
}

static void test_io_answers(void **state)
{
    (void)state;
    struct tree *t = load();
    struct engine e;
    engine_init(&e, t);
    answer(&e, "workload", "io");
    answer(&e, "io_shape", "fan_out");
    answer(&e, "clients", "s3,http");
    answer(&e, "memory_mb", "512");
    struct advice adv;
    advice_compute(&adv, &e);
    struct tctx *c = advice_context(&e, &adv);

    expect(c, "{{workload}}|{{workload.label}}|{{io_shape}}", "io|Waiting on I/O|fan_out");
    expect(c, "{{#workload.io}}IO{{/workload.io}}{{#workload.cpu}}CPU{{/workload.cpu}}", "IO");
    expect(c, "{{^workload.cpu}}not cpu{{/workload.cpu}}", "not cpu");
    /* multi: values in choice order joined by ", ", labels likewise, one boolean each */
    expect(c, "{{clients}}|{{clients.label}}", "http, s3|HTTP, Amazon S3");
    expect(c,
           "{{#clients.http}}h{{/clients.http}}{{#clients.s3}}s{{/clients.s3}}"
           "{{#clients.none}}n{{/clients.none}}",
           "hs");
    /* a setting wins its question's id; the answer stays under answer.ID */
    expect(c, "{{memory_mb}}/{{answer.memory_mb}}", "2048/512");
    /* unanswered questions use their default; yes/no questions get booleans */
    expect(c, "{{native_deps}}{{#native_deps.no}}+{{/native_deps.no}}", "no+");
    /* choice settings: text and a boolean per value */
    expect(c,
           "{{pattern}} {{#pattern.async-sequential}}seq{{/pattern.async-sequential}}"
           "{{#pattern.spawn-blocking}}blk{{/pattern.spawn-blocking}} {{architecture}}"
           "{{#architecture.arm64}}!{{/architecture.arm64}} {{timeout_s}}",
           "async-sequential seq arm64! 10");
    tctx_destroy(c);
    advice_finish(&adv);
    engine_finish(&e);
    tree_destroy(t);
}

static void test_unasked_has_no_names(void **state)
{
    (void)state;
    struct tree *t = load();
    struct engine e;
    engine_init(&e, t);
    answer(&e, "workload", "cpu");
    struct advice adv;
    advice_compute(&adv, &e);
    struct tctx *c = advice_context(&e, &adv);
    expect(c,
           "[{{io_shape}}][{{answer.io_shape}}][{{io_shape.label}}]"
           "{{#io_shape.single}}S{{/io_shape.single}}{{^io_shape}}none{{/io_shape}}",
           "[][][]none");
    expect(c, "{{workload}} {{pattern}} {{clients}} {{answer.memory_mb}} {{memory_mb}}",
           "cpu spawn-blocking none 1024 2048");
    tctx_destroy(c);
    advice_finish(&adv);
    engine_finish(&e);
    tree_destroy(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_io_answers),
        cmocka_unit_test(test_unasked_has_no_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
