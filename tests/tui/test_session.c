/* Unit tests for the guided session's model (src/tui/session.c) on a small tree: actions in,
 * model and reaction bits out. No terminal involved. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/tui/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct tree *tree;

static int setup(void **state)
{
    (void)state;
    struct la_error err = LA_ERROR_INIT;
    const char *path = SRC_DIR "/tests/core/trees/mini.yaml";
    tree = tree_load_files(&path, 1, &err);
    if (tree == NULL)
        fprintf(stderr, "%s\n", err.msg);
    return tree == NULL;
}

static int teardown(void **state)
{
    (void)state;
    tree_destroy(tree);
    return 0;
}

static const char *qid(const struct session *s)
{
    const struct question *q = session_question(s);
    return q ? q->id : "(none)";
}

static void type(struct session *s, const char *digits)
{
    for (const char *p = digits; *p; p++)
        session_act(s, TA_CHAR, (wchar_t)*p);
}

static void test_walk_to_review(void **state)
{
    (void)state;
    struct session s;
    session_init(&s, tree);
    assert_string_equal(qid(&s), "workload");
    /* Moving the cursor changes the question pane and the advice's preview only. */
    assert_int_equal(session_act(&s, TA_DOWN, 0), TR_PREVIEW);
    assert_int_equal(s.cursor, 1);
    assert_int_equal(session_act(&s, TA_UP, 0), TR_PREVIEW);
    /* An answer changes everything: advice, code, bars. */
    assert_int_equal(session_act(&s, TA_CHOOSE, 0) & TR_ALL, TR_ALL);
    assert_string_equal(qid(&s), "io_shape");
    assert_true(s.dirty);
    session_act(&s, TA_DOWN, 0);
    session_act(&s, TA_TOGGLE, 0); /* Space never confirms in a menu */
    assert_string_equal(qid(&s), "io_shape");
    session_act(&s, TA_CHOOSE, 0);
    assert_string_equal(qid(&s), "goals");
    /* Multi: the default (latency) is ticked; tick cost too, untick latency. */
    assert_int_equal(s.mask, 2);
    session_act(&s, TA_END, 0);
    session_act(&s, TA_TOGGLE, 0);
    session_act(&s, TA_UP, 0);
    session_act(&s, TA_TOGGLE, 0);
    assert_int_equal(s.mask, 4);
    assert_string_equal(qid(&s), "goals");
    session_act(&s, TA_CHOOSE, 0);
    assert_string_equal(qid(&s), "memory_mb");
    type(&s, "4096");
    session_act(&s, TA_CHOOSE, 0);
    assert_string_equal(qid(&s), "native_deps");
    session_act(&s, TA_CHOOSE, 0);
    assert_int_equal(s.screen, TS_REVIEW);
    assert_null(session_question(&s));
    assert_string_equal(advice_setting_str(&s.adv, "pattern"), "async-sequential");
    assert_int_equal(advice_setting_num(&s.adv, "memory_mb"), 4096);
    session_finish(&s);
}

static void test_back_keeps_the_answer_under_the_cursor(void **state)
{
    (void)state;
    struct session s;
    session_init(&s, tree);
    session_act(&s, TA_DOWN, 0);
    session_act(&s, TA_DOWN, 0);
    session_act(&s, TA_CHOOSE, 0); /* mixed */
    assert_string_equal(qid(&s), "io_shape");
    session_act(&s, TA_BACK, 0);
    assert_string_equal(qid(&s), "workload");
    assert_int_equal(s.cursor, 2);
    assert_int_equal(s.eng.nhistory, 1); /* back is not undo */
    assert_int_equal(s.eng.answers[0].choice, 2);
    /* Back at the first question says so and changes nothing. */
    assert_int_equal(session_act(&s, TA_LEFT, 0), TR_BARS);
    assert_non_null(s.message);
    /* cpu: io_shape is not asked. */
    session_act(&s, TA_UP, 0);
    session_act(&s, TA_CHOOSE, 0);
    assert_string_equal(qid(&s), "goals");
    session_finish(&s);
}

static void test_number_field(void **state)
{
    (void)state;
    struct session s;
    session_init(&s, tree);
    session_act(&s, TA_CHOOSE, 0); /* io */
    session_act(&s, TA_CHOOSE, 0); /* fan_out */
    session_act(&s, TA_CHOOSE, 0); /* goals: default */
    assert_string_equal(qid(&s), "memory_mb");
    assert_string_equal(s.num, "1024"); /* the default, replaced by the first digit */
    type(&s, "99");
    assert_string_equal(s.num, "99");
    session_act(&s, TA_CHOOSE, 0);
    assert_string_equal(qid(&s), "memory_mb");
    assert_true(s.message_is_error);
    assert_non_null(strstr(s.message, "99 is not valid here"));
    /* Letters are refused, Backspace erases, then a valid number goes through. */
    session_act(&s, TA_CHAR, L'x');
    assert_non_null(strstr(s.message, "Digits only"));
    assert_string_equal(s.num, "99");
    /* After an error the next digit starts a new number. */
    type(&s, "5");
    assert_string_equal(s.num, "5");
    type(&s, "123456789");
    assert_string_equal(s.num, "512345678");
    assert_non_null(strstr(s.message, "At most 9 digits"));
    s.num[0] = '\0';
    assert_string_equal(s.num, "");
    session_act(&s, TA_CHOOSE, 0);
    assert_non_null(strstr(s.message, "Type a whole number from 128 to 10240 MB"));
    type(&s, "128");
    session_act(&s, TA_CHOOSE, 0);
    assert_string_equal(qid(&s), "native_deps");
    session_finish(&s);
}

static void test_review_edit_and_cancel(void **state)
{
    (void)state;
    struct session s;
    session_init(&s, tree);
    while (s.screen == TS_QUESTION)
        session_act(&s, TA_CHOOSE, 0);
    assert_int_equal(s.screen, TS_REVIEW);
    /* Row 0 is workload: change it to cpu; io_shape drops out, back to the review. */
    session_act(&s, TA_HOME, 0);
    session_act(&s, TA_CHOOSE, 0);
    assert_string_equal(qid(&s), "workload");
    assert_true(s.from_review);
    session_act(&s, TA_DOWN, 0);
    session_act(&s, TA_CHOOSE, 0);
    assert_int_equal(s.screen, TS_REVIEW);
    assert_false(engine_is_asked(&s.eng, 1));
    /* Open an answer and go back: unchanged. */
    session_act(&s, TA_CHOOSE, 0);
    session_act(&s, TA_DOWN, 0);
    session_act(&s, TA_LEFT, 0);
    assert_int_equal(s.screen, TS_REVIEW);
    assert_int_equal(s.eng.answers[0].choice, 1);
    /* The last row opens the advice; Backspace returns. */
    session_act(&s, TA_END, 0);
    session_act(&s, TA_CHOOSE, 0);
    assert_int_equal(s.screen, TS_FINAL);
    assert_non_null(s.report);
    assert_non_null(strstr(s.report, "# Lambda advice"));
    session_act(&s, TA_BACK, 0);
    assert_int_equal(s.screen, TS_REVIEW);
    session_finish(&s);
}

static void test_quit_and_prompts(void **state)
{
    (void)state;
    struct session s;
    session_init(&s, tree);
    /* Nothing to lose: q quits. */
    assert_true(session_act(&s, TA_QUIT, 0) & TR_QUIT);
    session_act(&s, TA_CHOOSE, 0);
    /* Unsaved advice: q asks; n cancels; y quits. Ctrl-C always quits. */
    assert_false(session_act(&s, TA_QUIT, 0) & TR_QUIT);
    assert_int_equal(s.prompt.kind, PK_CONFIRM);
    assert_false(session_act(&s, TA_NEW, L'n') & TR_QUIT);
    assert_int_equal(s.prompt.kind, PK_NONE);
    session_act(&s, TA_QUIT, 0);
    assert_true(session_act(&s, TA_CHAR, L'y') & TR_QUIT);
    session_act(&s, TA_CANCEL, 0);
    /* Export prompt: the first key typed replaces the proposal; bound keys are text. */
    session_act(&s, TA_EXPORT, 0);
    assert_int_equal(s.prompt.kind, PK_TEXT);
    assert_true(wcscmp(s.prompt.edit.buf, L"./lambda-advice.md") == 0);
    session_act(&s, TA_QUIT, L'q');
    session_act(&s, TA_DOWN, L'j');
    session_act(&s, TA_LEFT, L'h');
    assert_true(wcscmp(s.prompt.edit.buf, L"qjh") == 0);
    session_act(&s, TA_BACK, 0);
    assert_true(wcscmp(s.prompt.edit.buf, L"qj") == 0);
    /* A line editor: Left moves, typing inserts, Ctrl-A/E, Delete, Ctrl-W/U/K erase. */
    session_act(&s, TA_LEFT, 0);
    session_act(&s, TA_CHAR, L'x');
    assert_true(wcscmp(s.prompt.edit.buf, L"qxj") == 0);
    session_act(&s, TA_LINE_START, 0);
    session_act(&s, TA_DELETE, 0);
    assert_true(wcscmp(s.prompt.edit.buf, L"xj") == 0);
    session_act(&s, TA_KILL_END, 0);
    assert_true(wcscmp(s.prompt.edit.buf, L"") == 0);
    for (const wchar_t *w = L"a/bc d"; *w; w++)
        session_act(&s, TA_CHAR, *w);
    session_act(&s, TA_KILL_WORD, 0);
    assert_true(wcscmp(s.prompt.edit.buf, L"a/bc ") == 0);
    session_act(&s, TA_KILL_WORD, 0);
    assert_true(wcscmp(s.prompt.edit.buf, L"a/") == 0);
    session_act(&s, TA_KILL_START, 0);
    assert_true(wcscmp(s.prompt.edit.buf, L"") == 0);
    assert_true(session_act(&s, TA_INTERRUPT, 0) & TR_QUIT);
    session_act(&s, TA_CANCEL, 0);
    assert_int_equal(s.prompt.kind, PK_NONE);
    session_finish(&s);
}

static void test_export_writes_the_report(void **state)
{
    (void)state;
    char dir[] = "/tmp/la-tui-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *path = NULL;
    assert_true(asprintf(&path, "%s/advice.md", dir) > 0);
    /* The shipped tree: the export holds the project files its templates need. */
    struct tree *shipped = tree_load_default(NULL);
    assert_non_null(shipped);
    struct session s;
    session_init(&s, shipped);
    session_act(&s, TA_CHOOSE, 0);
    session_act(&s, TA_EXPORT, 0);
    edit_set(&s.prompt.edit, path);
    session_act(&s, TA_CHOOSE, 0);
    if (s.message_is_error)
        fprintf(stderr, "%s\n", s.message);
    assert_false(s.message_is_error);
    assert_non_null(strstr(s.message, "Wrote the advice to"));
    assert_false(s.dirty);
    struct strbuf md = STRBUF_INIT;
    assert_true(session_markdown(&s, &md, NULL));
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char buf[65536];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    assert_string_equal(buf, md.s);
    /* A second export asks first. */
    session_act(&s, TA_EXPORT, 0);
    edit_set(&s.prompt.edit, path);
    session_act(&s, TA_CHOOSE, 0);
    assert_int_equal(s.prompt.kind, PK_CONFIRM);
    session_act(&s, TA_CHAR, L'n');
    assert_int_equal(s.prompt.kind, PK_NONE);
    assert_non_null(strstr(md.s, "src/main.rs"));
    sb_finish(&md);
    session_finish(&s);
    tree_destroy(shipped);
    unlink(path);
    rmdir(dir);
    free(path);
}

/* Random keys (no export, new or scan: they write files) on the shipped tree: the model stays
 * consistent, and the sanitizers see every path the keys reach. */
static void test_random_keys(void **state)
{
    (void)state;
    static const enum tui_action acts[] = {
        TA_UP,     TA_DOWN,   TA_PAGE_UP,   TA_PAGE_DOWN,    TA_HOME,         TA_END,
        TA_LEFT,   TA_RIGHT,  TA_CHOOSE,    TA_TOGGLE,       TA_BACK,         TA_CANCEL,
        TA_FOCUS,  TA_HELP,   TA_REVIEW,    TA_QUIT,         TA_CHAR,         TA_RESIZE,
        TA_FULL,   TA_COPY,   TA_COPY_CMD,  TA_NEXT_SECTION, TA_PREV_SECTION, TA_FOCUS_BACK,
        TA_SEARCH, TA_DELETE, TA_KILL_WORD, TA_KILL_START,   TA_REDRAW,
    };
    struct tree *shipped = tree_load_default(NULL);
    assert_non_null(shipped);
    struct session s;
    session_init(&s, shipped);
    unsigned seed = 12345;
    int reached[4] = {0};
    for (int i = 0; i < 20000; i++) {
        seed = seed * 1103515245u + 12345u;
        enum tui_action a = acts[(seed >> 16) % (sizeof acts / sizeof acts[0])];
        wchar_t ch = a == TA_CHAR ? (wchar_t)(L'0' + (seed >> 8) % 12) : 0;
        if (a == TA_QUIT && s.prompt.kind == PK_NONE && !s.dirty)
            continue;
        s.main_h = 10;
        s.code_h = 10;
        session_act(&s, a, ch);
        const struct question *q = session_question(&s);
        if (q && q->kind != Q_NUMBER)
            assert_true(s.cursor < q->nchoices);
        assert_true(s.eng.nhistory <= shipped->nquestions);
        assert_true(s.main_top >= 0 && s.code_top >= 0);
        if (s.screen == TS_REVIEW)
            assert_int_equal(engine_next(&s.eng), -1);
        if (s.prompt.kind != PK_NONE)
            assert_non_null(s.prompt.title);
        reached[s.screen]++;
    }
    /* The walk got everywhere but the scan. */
    assert_true(reached[TS_QUESTION] > 0 && reached[TS_REVIEW] > 0 && reached[TS_FINAL] > 0);
    session_finish(&s);
    tree_destroy(shipped);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_walk_to_review),
        cmocka_unit_test(test_back_keeps_the_answer_under_the_cursor),
        cmocka_unit_test(test_number_field),
        cmocka_unit_test(test_review_edit_and_cancel),
        cmocka_unit_test(test_quit_and_prompts),
        cmocka_unit_test(test_export_writes_the_report),
        cmocka_unit_test(test_random_keys),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
