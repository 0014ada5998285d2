/* Unit tests for the code pane's Rust colouring (src/tui/hl.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/tui/hl.h"

#include <string.h>

/* Classifies one line and returns a string with one letter per byte:
 * . text, k keyword, s string, c comment, n number, m macro, t type, a attribute, l lifetime */
static const char *classify(struct hl_state *st, const char *line)
{
    static char out[512];
    unsigned char kinds[512];
    size_t n = strlen(line);
    hl_line(st, line, n, kinds);
    for (size_t i = 0; i < n; i++)
        out[i] = ".kscnmtal"[kinds[i]];
    out[n] = '\0';
    return out;
}

/* The kinds of the bytes of the first occurrence of needle in the last classified line. */
static const char *span(const char *line, const char *classes, const char *needle)
{
    static char out[512];
    const char *at = strstr(line, needle);
    assert_non_null(at);
    size_t off = (size_t)(at - line), n = strlen(needle);
    memcpy(out, classes + off, n);
    out[n] = '\0';
    return out;
}

#define CHECK(st, line, needle, want)                                                              \
    assert_string_equal(span(line, classify(st, line), needle), want)

static void test_keywords_types_macros(void **state)
{
    (void)state;
    struct hl_state st = HL_STATE_INIT;
    const char *l = "let x: Vec<u8> = vec![1];";
    assert_string_equal(classify(&st, l), "kkk....ttt.......mmmm.n..");
    CHECK(&st, "async fn run() -> Result<(), Error> {", "async fn", "kkkkk.kk");
    CHECK(&st, "async fn run() -> Result<(), Error> {", "Result", "tttttt");
    CHECK(&st, "async fn run() -> Result<(), Error> {", "run", "...");
    CHECK(&st, "if a != b { x.await? }", "!=", "..");
    CHECK(&st, "if a != b { x.await? }", "await", "kkkkk");
}

static void test_strings_and_comments(void **state)
{
    (void)state;
    struct hl_state st = HL_STATE_INIT;
    CHECK(&st, "let s = \"a // b\"; // c", "\"a // b\"", "ssssssss");
    CHECK(&st, "let s = \"a // b\"; // c", "// c", "cccc");
    CHECK(&st, "x = \"esc \\\" q\"; y", "\"esc \\\" q\"", "ssssssssss");
    CHECK(&st, "x = \"esc \\\" q\"; y", "; y", "...");
    /* A nested block comment that spans lines. */
    assert_string_equal(classify(&st, "a /* b /* c */"), "..cccccccccccc");
    assert_int_equal(st.comment_depth, 1);
    assert_string_equal(classify(&st, "still */ fn"), "cccccccc.kk");
    assert_int_equal(st.comment_depth, 0);
}

static void test_raw_strings_span_lines(void **state)
{
    (void)state;
    struct hl_state st = HL_STATE_INIT;
    assert_string_equal(classify(&st, "let r = r#\"a \"q\""), "kkk.....ssssssss");
    assert_int_equal(st.in_str, 2);
    assert_string_equal(classify(&st, "end\"# + 1"), "sssss...n");
    assert_int_equal(st.in_str, 0);
    assert_string_equal(classify(&st, "b\"bytes\""), "ssssssss");
    /* An ordinary string left open continues on the next line. */
    assert_string_equal(classify(&st, "\"open"), "sssss");
    assert_string_equal(classify(&st, "closed\" x"), "sssssss..");
}

static void test_chars_lifetimes_attributes(void **state)
{
    (void)state;
    struct hl_state st = HL_STATE_INIT;
    const char *l = "fn f<'a>(c: char) -> &'a str { 'x' }";
    CHECK(&st, l, "<'a>", ".ll.");
    CHECK(&st, l, "&'a", ".ll");
    CHECK(&st, l, "'x'", "sss");
    assert_string_equal(classify(&st, "'\\n'"), "ssss");
    assert_string_equal(classify(&st, "#[tokio::main]"), "aaaaaaaaaaaaaa");
    assert_string_equal(classify(&st, "#![allow(x)] fn"), "aaaaaaaaaaaa.kk");
    CHECK(&st, "a + b1 + 0x1F + 1.5", "b1", "..");
    CHECK(&st, "a + b1 + 0x1F + 1.5", "0x1F", "nnnn");
    CHECK(&st, "a + b1 + 0x1F + 1.5", "1.5", "nnn");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keywords_types_macros),
        cmocka_unit_test(test_strings_and_comments),
        cmocka_unit_test(test_raw_strings_span_lines),
        cmocka_unit_test(test_chars_lifetimes_attributes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
