/* Unit tests for the template engine: tags, sections, partials, standalone lines, errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "lambda_advisor/template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct partial_set {
    const char *names[8];
    const char *texts[8];
};

static const char *lookup_partial(void *ud, const char *name, size_t *len)
{
    struct partial_set *ps = ud;
    for (int i = 0; ps && i < 8 && ps->names[i]; i++) {
        if (strcmp(ps->names[i], name) == 0) {
            *len = strlen(ps->texts[i]);
            return ps->texts[i];
        }
    }
    return NULL;
}

/* Renders src; returns the output (caller frees) or NULL, leaving the error in *msg. */
static char *render(const char *src, const struct tctx *ctx, struct partial_set *ps, char **msg)
{
    struct strbuf out = STRBUF_INIT;
    struct la_error err = LA_ERROR_INIT;
    *msg = NULL;
    if (!template_render(src, strlen(src), "t.tpl", ctx, lookup_partial, ps, &out, &err)) {
        *msg = la_error_format(&err);
        la_error_finish(&err);
        sb_finish(&out);
        return NULL;
    }
    return sb_detach(&out);
}

static void expect(const char *src, const struct tctx *ctx, struct partial_set *ps,
                   const char *want)
{
    char *msg = NULL;
    struct strbuf out = STRBUF_INIT;
    struct la_error err = LA_ERROR_INIT;
    bool ok = template_render(src, strlen(src), "t.tpl", ctx, lookup_partial, ps, &out, &err);
    if (!ok) {
        msg = la_error_format(&err);
        fprintf(stderr, "unexpected error: %s\n", msg);
    }
    assert_true(ok);
    assert_string_equal(sb_str(&out), want);
    free(msg);
    la_error_finish(&err);
    sb_finish(&out);
}

static void expect_error(const char *src, const struct tctx *ctx, struct partial_set *ps,
                         const char *want)
{
    struct strbuf out = STRBUF_INIT;
    struct la_error err = LA_ERROR_INIT;
    bool ok = template_render(src, strlen(src), "t.tpl", ctx, lookup_partial, ps, &out, &err);
    assert_false(ok);
    char *msg = la_error_format(&err);
    assert_string_equal(msg, want);
    free(msg);
    la_error_finish(&err);
    sb_finish(&out);
}

static void test_variables(void **state)
{
    (void)state;
    struct tctx *c = tctx_create();
    tctx_set(c, "name", "a<b>&\"c\"");
    tctx_set(c, "event_source.sqs", "dotted");
    tctx_set_bool(c, "flag", true);
    expect("x {{name}} y", c, NULL, "x a<b>&\"c\" y");
    expect("{{ name }}|{{{name}}}|{{&name}}", c, NULL, "a<b>&\"c\"|a<b>&\"c\"|a<b>&\"c\"");
    expect("[{{event_source.sqs}}][{{missing}}]", c, NULL, "[dotted][]");
    expect("{{flag}}", c, NULL, "true");
    tctx_set(c, "name", "replaced");
    expect("{{name}}", c, NULL, "replaced");
    expect("no tags at all\n", c, NULL, "no tags at all\n");
    expect("a { b } {x} }}", c, NULL, "a { b } {x} }}");
    expect("", c, NULL, "");
    tctx_destroy(c);
    tctx_destroy(NULL);
}

static void test_sections(void **state)
{
    (void)state;
    struct tctx *c = tctx_create();
    tctx_set_bool(c, "yes", true);
    tctx_set_bool(c, "no", false);
    tctx_set(c, "str", "s");
    tctx_set(c, "empty", "");
    expect("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#str}}S{{/str}}{{#empty}}E{{/empty}}", c, NULL, "YS");
    expect("{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^str}}S{{/str}}{{^empty}}E{{/empty}}"
           "{{^missing}}M{{/missing}}",
           c, NULL, "NEM");
    expect("{{#yes}}{{#str}}in{{/str}}{{/yes}}", c, NULL, "in");
    tctx_destroy(c);
}

static void test_lists(void **state)
{
    (void)state;
    struct tctx *c = tctx_create();
    tctx_set(c, "outer", "O");
    expect("{{#items}}x{{/items}}{{^items}}none{{/items}}", c, NULL, "none");
    struct tctx *a = tctx_push(c, "items");
    tctx_set(a, "n", "1");
    struct tctx *b = tctx_push(c, "items");
    tctx_set(b, "n", "2");
    tctx_set(b, "outer", "shadow");
    expect("{{#items}}[{{n}} {{outer}}]{{/items}}", c, NULL, "[1 O][2 shadow]");
    expect("{{^items}}none{{/items}}", c, NULL, "");
    /* pushing onto a name that held a string turns it into a list */
    tctx_set(c, "s", "str");
    tctx_set(tctx_push(c, "s"), "n", "k");
    expect("{{#s}}<{{n}}>{{/s}}", c, NULL, "<k>");
    tctx_destroy(c);
}

static void test_standalone(void **state)
{
    (void)state;
    struct tctx *c = tctx_create();
    tctx_set_bool(c, "yes", true);
    tctx_set(c, "v", "V");
    expect("a\n{{#yes}}\nb\n{{/yes}}\nc\n", c, NULL, "a\nb\nc\n");
    expect("a\n  {{^yes}}  \nb\n  {{/yes}}\t\nc\n", c, NULL, "a\nc\n");
    expect("a\n{{! a comment\n over lines }}\nb\n", c, NULL, "a\nb\n");
    expect("a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\n", c, NULL, "a\r\nb\r\n");
    /* not standalone: other content on the line, or a variable */
    expect("a {{#yes}}b{{/yes}} c\n", c, NULL, "a b c\n");
    expect("  {{v}}\n", c, NULL, "  V\n");
    expect("{{#yes}}x{{/yes}}\n", c, NULL, "x\n");
    /* at the end of input without a newline */
    expect("a\n{{#yes}}b{{/yes}}\n{{! end }}", c, NULL, "a\nb\n");
    tctx_destroy(c);
}

static void test_partials(void **state)
{
    (void)state;
    struct tctx *c = tctx_create();
    tctx_set(c, "who", "world");
    tctx_set_bool(c, "yes", true);
    struct partial_set ps = {
        {"greet", "body", "nested/inner", "self", NULL},
        {"hello {{who}}", "fn f() {\n    {{>nested/inner}}\n\n}\n", "let x = 1;\nlet y = 2;\n",
         "{{>self}}", NULL},
    };
    expect("<{{>greet}}>", c, &ps, "<hello world>");
    expect("{{#yes}}{{> greet }}{{/yes}}", c, &ps, "hello world");
    /* a standalone partial is indented line by line, blank lines stay blank */
    expect("mod m {\n    {{>body}}\n}\n", c, &ps,
           "mod m {\n    fn f() {\n        let x = 1;\n        let y = 2;\n\n    }\n}\n");
    expect_error("a\n {{>nope}}", c, &ps, "t.tpl:2:2: unknown partial 'nope'");
    expect_error("{{>self}}", c, &ps,
                 "self:1:1: partials nested more than 16 deep (recursive partial?)");
    expect_error("{{>../etc/passwd}}", c, &ps,
                 "t.tpl:1:4: partial name must be a relative path without '..'");
    tctx_destroy(c);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("ab\n{{#a}}x", NULL, NULL, "t.tpl:2:1: section 'a' is not closed");
    expect_error("{{#a}}\n  {{/b}}", NULL, NULL,
                 "t.tpl:2:3: closing tag 'b' does not match section 'a' opened at 1:1");
    expect_error("x{{/a}}", NULL, NULL, "t.tpl:1:2: closing tag 'a' without an open section");
    expect_error("x\nyy {{name", NULL, NULL, "t.tpl:2:4: tag is not closed (missing '}}')");
    expect_error("{{name\n}}", NULL, NULL,
                 "t.tpl:1:1: tag is not closed on its line (missing '}}')");
    expect_error("{{ }}", NULL, NULL, "t.tpl:1:1: empty tag name");
    expect_error("{{a b}}", NULL, NULL, "t.tpl:1:4: bad character ' ' in tag name");
    expect_error("{{=<% %>=}}", NULL, NULL,
                 "t.tpl:1:1: changing delimiters ({{=...=}}) is not supported");
    expect_error("{{{#a}}}", NULL, NULL, "t.tpl:1:1: '{{{' opens only a plain variable");
    /* the error is reported even when the broken part would not be rendered */
    struct tctx *c = tctx_create();
    expect_error("{{#off}}{{>nope}}{{/off}}{{#x}}", c, NULL,
                 "t.tpl:1:26: section 'x' is not closed");
    tctx_destroy(c);
    char *msg = NULL;
    assert_null(render("{{#a}}", NULL, NULL, &msg));
    assert_non_null(msg);
    free(msg);
}

static void test_check(void **state)
{
    (void)state;
    struct partial_set ps = {{"ok", "bad", NULL}, {"fine {{x}}", "{{#x}}", NULL}};
    struct la_error err = LA_ERROR_INIT;
    /* the check follows partials even inside false sections */
    assert_true(template_check("{{#no}}{{>ok}}{{/no}}", 21, "m", lookup_partial, NULL, &ps, &err));
    assert_false(
        template_check("{{#no}}{{>bad}}{{/no}}", 22, "m", lookup_partial, NULL, &ps, &err));
    char *msg = la_error_format(&err);
    assert_string_equal(msg, "bad:1:1: section 'x' is not closed");
    free(msg);
    assert_false(template_check("\n{{>gone}}", 10, "m", lookup_partial, NULL, &ps, &err));
    msg = la_error_format(&err);
    assert_string_equal(msg, "m:2:1: unknown partial 'gone'");
    free(msg);
    la_error_finish(&err);
}

static void test_dynamic_partials(void **state)
{
    (void)state;
    struct partial_set ps = {{"a", "sub/b", NULL}, {"A{{x}}\n", "B\n", NULL}};
    struct tctx *c = tctx_create();
    tctx_set(c, "x", "1");
    tctx_set(c, "part", "a");
    tctx_set(c, "part.b", "sub/b");
    expect("[{{>*part}}]", c, &ps, "[A1\n]");
    expect("[{{>* part.b }}]", c, &ps, "[B\n]");
    /* standalone: re-indented like a static partial */
    expect("x\n  {{>*part}}\ny\n", c, &ps, "x\n  A1\ny\n");
    /* the value is looked up like any name: innermost list item first */
    tctx_set(tctx_push(c, "l"), "part", "sub/b");
    expect("{{#l}}{{>*part}}{{/l}}", c, &ps, "B\n");
    expect_error("\n {{>*nothing}}", c, &ps,
                 "t.tpl:2:2: dynamic partial '*nothing': 'nothing' names no template (not set)");
    tctx_set_bool(c, "flag", true);
    expect_error("{{>*flag}}", c, &ps,
                 "t.tpl:1:1: dynamic partial '*flag': 'flag' names no template (not a string)");
    tctx_set(c, "up", "../a");
    expect_error("{{>*up}}", c, &ps,
                 "t.tpl:1:1: dynamic partial '*up': \"../a\" is not a partial name (a relative "
                 "path without '..')");
    tctx_set(c, "gone", "sub/gone");
    expect_error("{{>*gone}}", c, &ps,
                 "t.tpl:1:1: unknown partial 'sub/gone' (the value of 'gone')");
    /* a context name holds no '/' */
    expect_error("{{>*a/b}}", c, &ps, "t.tpl:1:6: bad character '/' in tag name");
    tctx_destroy(c);
}

/* The values the dynamic names of test_check_dynamic can take. */
static char **test_values(void *ud, const char *name)
{
    (void)ud;
    const char *const *v;
    static const char *const p[] = {"ok", NULL}, *const q[] = {"ok", "bad", NULL},
                             *const g[] = {"gone", NULL}, *const b[] = {"ok", "l0", NULL},
                             *const u[] = {"../ok", NULL};
    if (strcmp(name, "p") == 0)
        v = p;
    else if (strcmp(name, "q") == 0)
        v = q;
    else if (strcmp(name, "g") == 0)
        v = g;
    else if (strcmp(name, "b") == 0)
        v = b;
    else if (strcmp(name, "u") == 0)
        v = u;
    else
        return NULL;
    size_t n = 0;
    while (v[n])
        n++;
    char **out = calloc(n + 1, sizeof *out);
    for (size_t i = 0; i < n; i++)
        out[i] = strdup(v[i]);
    return out;
}

static void check_expect(const char *src, struct partial_set *ps, const char *want)
{
    struct la_error err = LA_ERROR_INIT;
    bool ok = template_check(src, strlen(src), "m", lookup_partial, test_values, ps, &err);
    char *msg = ok ? NULL : la_error_format(&err);
    if (want == NULL && !ok)
        fprintf(stderr, "unexpected error: %s\n", msg);
    assert_int_equal(ok, want == NULL);
    if (want)
        assert_string_equal(msg, want);
    free(msg);
    la_error_finish(&err);
}

static void test_check_dynamic(void **state)
{
    (void)state;
    /* l0 includes l1 ten times, ..., l4 includes l5: 111110 expansions in all */
    const char *ten = "{{>lN}}{{>lN}}{{>lN}}{{>lN}}{{>lN}}{{>lN}}{{>lN}}{{>lN}}{{>lN}}{{>lN}}";
    char lv[5][80];
    for (int i = 0; i < 5; i++) {
        strcpy(lv[i], ten);
        for (char *s = lv[i]; (s = strstr(s, "lN")) != NULL; s++)
            s[1] = (char)('1' + i);
    }
    struct partial_set ps = {{"ok", "bad", "l0", "l1", "l2", "l3", "l4", "l5"},
                             {"fine {{x}}", "{{#x}}", lv[0], lv[1], lv[2], lv[3], lv[4], "x"}};
    check_expect("{{>*p}}", &ps, NULL);
    /* every value is checked, whatever a rendering would pick */
    check_expect("{{#no}}{{>*q}}{{/no}}", &ps, "bad:1:1: section 'x' is not closed");
    check_expect("\n{{>*g}}", &ps, "m:2:1: unknown partial 'gone' (a value of 'g')");
    check_expect("{{>*u}}", &ps,
                 "m:1:1: dynamic partial '*u': \"../ok\" is not a partial name (a relative path "
                 "without '..')");
    check_expect("x {{>*nope}}", &ps,
                 "m:1:3: dynamic partial '*nope': 'nope' is not a name that holds a template name");
    /* the bounds on expansion hold for the largest value */
    check_expect("{{>*b}}", &ps,
                 "l0:1:64: the partials here can expand more than 100000 partials (partials "
                 "expanding exponentially?)");
    check_expect("{{>l1}}", &ps, NULL);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_validate_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/la-tpl-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256], sub[256];
    snprintf(sub, sizeof sub, "%s/templates", dir);
    assert_int_equal(mkdir(sub, 0755), 0);
    snprintf(sub, sizeof sub, "%s/templates/parts", dir);
    assert_int_equal(mkdir(sub, 0755), 0);
    snprintf(path, sizeof path, "%s/templates/parts/a.tpl", dir);
    write_file(path, "A {{>parts/b}}\n");
    snprintf(path, sizeof path, "%s/templates/parts/b.tpl", dir);
    write_file(path, "B\n");
    snprintf(path, sizeof path, "%s/templates/main.tpl", dir);
    write_file(path, "{{>parts/a}}{{#x}}{{/x}}\n");
    struct la_error err = LA_ERROR_INIT;
    bool ok = template_validate(path, NULL, &err);
    if (!ok)
        fprintf(stderr, "%s\n", err.msg);
    assert_true(ok);
    /* a partial referenced from inside templates/parts resolves from templates/ too */
    snprintf(path, sizeof path, "%s/templates/parts/a.tpl", dir);
    assert_true(template_validate(path, NULL, &err));
    snprintf(path, sizeof path, "%s/templates/parts/c.tpl", dir);
    write_file(path, "ok\n{{>parts/missing}}\n");
    assert_false(template_validate(path, NULL, &err));
    char *msg = la_error_format(&err);
    char want[512];
    snprintf(want, sizeof want, "%s:2:1: unknown partial 'parts/missing'", path);
    assert_string_equal(msg, want);
    free(msg);
    snprintf(path, sizeof path, "%s/templates/nonexistent.tpl", dir);
    assert_false(template_validate(path, NULL, &err));
    la_error_finish(&err);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_variables),
        cmocka_unit_test(test_sections),
        cmocka_unit_test(test_lists),
        cmocka_unit_test(test_standalone),
        cmocka_unit_test(test_partials),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_check),
        cmocka_unit_test(test_validate_files),
        cmocka_unit_test(test_dynamic_partials),
        cmocka_unit_test(test_check_dynamic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
