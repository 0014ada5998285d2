/* Unit tests for the rule loader: the shipped rules, located errors, and their links into
 * the advice tree. */
#include "lambda_advisor/rules.h"
#include "lambda_advisor/tree.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char *const source_rules[] = {
    "blocking-sleep", "blocking-fs",           "blocking-http",          "block-on-in-async",
    "cpu-in-async",   "client-per-invocation", "runtime-per-invocation", "sequential-awaits",
    "await-in-loop",  "unwrap-in-handler",     "s3-key-not-decoded",     "no-tracing",
    "no-tests"};

static void test_shipped_rules(void **state)
{
    (void)state;
    struct ruleset rs = {0};
    struct la_error err = LA_ERROR_INIT;
    assert_true(rules_load_default(&rs, &err));
    for (size_t i = 0; i < sizeof source_rules / sizeof source_rules[0]; i++) {
        const struct rule *r = rules_find(&rs, source_rules[i]);
        assert_non_null(r);
        assert_non_null(r->fix);
        assert_non_null(r->recommendation);
        assert_true(r->check != RC_PATTERN || r->re != NULL);
    }
    /* every rule's recommendation is one the advice tree has */
    struct tree *t = tree_load_default(&err);
    assert_non_null(t);
    for (size_t i = 0; i < rs.n; i++) {
        if (rs.v[i].recommendation == NULL)
            continue;
        bool found = false;
        for (size_t k = 0; k < t->nrecs && !found; k++)
            found = strcmp(t->recs[k].id, rs.v[i].recommendation) == 0;
        if (!found)
            fail_msg("rule %s links to recommendation '%s', which the tree lacks", rs.v[i].id,
                     rs.v[i].recommendation);
    }
    tree_destroy(t);
    rules_finish(&rs);
    la_error_finish(&err);
}

static void expect_error(const char *yaml, int line, int col, const char *needle)
{
    struct ruleset rs = {0};
    struct la_error err = LA_ERROR_INIT;
    assert_false(rules_load_buffer(&rs, "t.yaml", yaml, strlen(yaml), &err));
    assert_int_equal(rs.n, 0);
    if (err.line != line || err.col != col || strstr(err.msg, needle) == NULL)
        fail_msg("got %d:%d: %s; wanted %d:%d: ...%s...", err.line, err.col, err.msg, line, col,
                 needle);
    la_error_finish(&err);
    rules_finish(&rs);
}

static void test_errors(void **state)
{
    (void)state;
    /* PCRE2's message, pointing at the byte it stopped on (plain and quoted scalars) */
    expect_error("rules:\n  - {id: a, severity: note, message: m, pattern: ab(c}\n", 2, 54,
                 "missing closing parenthesis");
    expect_error("rules:\n  - id: a\n    severity: note\n    message: m\n    pattern: 'x[z'\n", 5,
                 18, "missing terminating ]");
    expect_error("rules:\n  - {id: A_b, severity: note, message: m, pattern: x}\n", 2, 10,
                 "must be lower-case");
    expect_error("rules:\n  - {id: a, severity: note, message: m}\n", 2, 5, "exactly one of");
    expect_error("rules:\n  - {id: a, severity: note, message: m, check: magic}\n", 2, 48,
                 "unknown check 'magic'");
    expect_error("rules:\n  - {id: a, severity: note, message: m, pattern: x, scope: everywhere}\n",
                 2, 60, "invalid scope 'everywhere'");
    expect_error("rules:\n  - {id: a, severity: note, message: m, pattern: x, kinds: [go]}\n", 2,
                 61, "invalid file kind 'go'");
    expect_error("rule: []\n", 1, 1, "unknown top-level key 'rule'");
    expect_error("rules:\n  - {id: a, severity: note, message: m, pattern: x}\n"
                 "  - {id: a, severity: note, message: m, pattern: y}\n",
                 3, 5, "duplicate rule id 'a' (first defined at t.yaml:2:5)");
}

static void test_valid_user_rule(void **state)
{
    (void)state;
    const char *yaml = "rules:\n  - id: no-println\n    severity: error\n    scope: async\n"
                       "    crate: lambda\n    prefilter: [println]\n    pattern: '\\bprintln!'\n"
                       "    message: use tracing\n";
    struct ruleset rs = {0};
    struct la_error err = LA_ERROR_INIT;
    assert_true(rules_load_buffer(&rs, "t.yaml", yaml, strlen(yaml), &err));
    assert_int_equal(rs.n, 1);
    assert_int_equal(rs.v[0].scope, RS_ASYNC);
    assert_true(rs.v[0].lambda_only);
    assert_int_equal(rs.v[0].nprefilter, 1);
    assert_true(rules_is_rule_file(yaml, strlen(yaml)));
    assert_false(rules_is_rule_file("questions: []\n", 14));
    rules_finish(&rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_rules),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_valid_user_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
