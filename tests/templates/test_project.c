/* Unit tests for project rendering: output path checks, options, file order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "lambda_advisor/advice.h"
#include "lambda_advisor/project.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_paths(void **state)
{
    (void)state;
    assert_true(project_path_valid("src/main.rs"));
    assert_true(project_path_valid(".github/workflows/deploy.yml"));
    assert_true(project_path_valid("events/sqs.json"));
    assert_false(project_path_valid(""));
    assert_false(project_path_valid("/etc/passwd"));
    assert_false(project_path_valid("../x"));
    assert_false(project_path_valid("a/../../x"));
    assert_false(project_path_valid("a/.."));
    assert_false(project_path_valid("./a"));
    assert_false(project_path_valid("a//b"));
    assert_false(project_path_valid("a/"));
    assert_false(project_path_valid("a b"));
    assert_false(project_path_valid("a\\b"));
    assert_false(project_path_valid("a\nb"));
}

struct fixture {
    struct tree *t;
    struct engine e;
    struct advice adv;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    struct la_error err = LA_ERROR_INIT;
    f->t = tree_load_default(&err);
    if (f->t == NULL) {
        fprintf(stderr, "%s\n", err.msg);
        return -1;
    }
    engine_init(&f->e, f->t);
    engine_fill_defaults(&f->e);
    advice_compute(&f->adv, &f->e);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    advice_finish(&f->adv);
    engine_finish(&f->e);
    tree_destroy(f->t);
    free(f);
    return 0;
}

static void test_render_defaults(void **state)
{
    struct fixture *f = *state;
    struct project_files files;
    struct la_error err = LA_ERROR_INIT;
    struct project_opts opts = {.name = "orders", .ci = "github"};
    assert_true(project_render(&f->e, &f->adv, &opts, &files, &err));
    assert_true(files.n >= 6);
    assert_string_equal(files.v[0].path, "src/main.rs");
    assert_string_equal(files.v[1].path, "Cargo.toml");
    for (size_t i = 2; i + 1 < files.n; i++)
        assert_true(strcmp(files.v[i].path, files.v[i + 1].path) < 0);
    bool workflow = false;
    for (size_t i = 0; i < files.n; i++) {
        assert_true(project_path_valid(files.v[i].path));
        workflow = workflow || strcmp(files.v[i].path, ".github/workflows/deploy.yml") == 0;
    }
    assert_true(workflow);
    assert_non_null(strstr(files.v[0].content, "#[tokio::main]"));
    assert_non_null(strstr(files.v[1].content, "name = \"orders\""));
    project_files_finish(&files);
    project_files_finish(&files); /* finishing twice is harmless */

    /* Without options: the default name, no workflow. */
    assert_true(project_render(&f->e, &f->adv, NULL, &files, &err));
    assert_non_null(strstr(files.v[1].content, "name = \"my-function\""));
    for (size_t i = 0; i < files.n; i++)
        assert_null(strstr(files.v[i].path, ".github"));
    project_files_finish(&files);
    la_error_finish(&err);
}

static void test_bad_options(void **state)
{
    struct fixture *f = *state;
    struct project_files files;
    struct la_error err = LA_ERROR_INIT;
    static const char *const bad[] = {"../x", "", "9lives", "a b", "a/b", "x\"y"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct project_opts opts = {.name = bad[i]};
        assert_false(project_render(&f->e, &f->adv, &opts, &files, &err));
        assert_non_null(strstr(err.msg, "invalid crate name"));
        assert_int_equal(files.n, 0);
    }
    struct project_opts ci = {.ci = "jenkins"};
    assert_false(project_render(&f->e, &f->adv, &ci, &files, &err));
    assert_non_null(strstr(err.msg, "unknown CI"));
    la_error_finish(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_paths),
        cmocka_unit_test_setup_teardown(test_render_defaults, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_options, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
