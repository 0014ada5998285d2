/* Unit tests for the Rust lexer and the scopes built on it. */
#include "lambda_advisor/lexer.h"
#include "lambda_advisor/scope.h"
#include "lambda_advisor/walk.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Lexes src; returns the blanked copy (static, valid until the next call). */
static struct lexed L = LEXED_INIT;
static struct scoped S = SCOPED_INIT;

static const char *blanked(const char *src)
{
    lexer_run(src, strlen(src), &L);
    assert_int_equal(L.len, strlen(src));
    return L.code;
}

static void test_comments_and_strings_blanked(void **state)
{
    (void)state;
    assert_string_equal(blanked("a // b\nc"), "a     \nc");
    assert_string_equal(blanked("a /* b /* c */ d */ e"), "a                   e");
    assert_string_equal(blanked("x(\"s(\\\"t\")"), "x(\"     \")");
    assert_string_equal(blanked("r#\"a\"b\"#;"), "r#\"   \"#;");
    assert_string_equal(blanked("r##\"a\"#b\"##;"), "r##\"    \"##;");
    assert_string_equal(blanked("b\"xy\" br\"z\" c\"w\""), "b\"  \" br\" \" c\" \"");
    assert_string_equal(blanked("\"line1\nline2\""), "\"     \n     \"");
}

static void test_chars_and_lifetimes(void **state)
{
    (void)state;
    assert_string_equal(blanked("f('a', '\\'', '\\u{1F600}')"), "f(' ', '  ', '         ')");
    assert_string_equal(blanked("fn f<'a>(x: &'a str)"), "fn f<'a>(x: &'a str)");
    assert_string_equal(blanked("b'x' '\"' x"), "b' ' ' ' x");
    /* a quote inside a char literal does not start a string */
    assert_string_equal(blanked("'\"'; thread::sleep(d)"), "' '; thread::sleep(d)");
    lexer_run("'a: loop {}", 11, &L);
    assert_int_equal(L.tok[0].kind, TK_LIFETIME);
}

static void test_raw_identifiers_and_numbers(void **state)
{
    (void)state;
    lexer_run("r#type 1.5e3 x.0.1 1..2", 23, &L);
    assert_int_equal(L.tok[0].kind, TK_IDENT);
    assert_int_equal(L.tok[0].len, 6);
    assert_int_equal(L.tok[1].kind, TK_NUMBER);
}

static void test_broken_input(void **state)
{
    (void)state;
    const char *bad[] = {"\"unterminated",
                         "/* open /* nested */",
                         "r###\"x\"#",
                         "'",
                         "b'",
                         "'\\",
                         "r#",
                         "fn main( { { ) ]",
                         "\xff\xfe\x80'\x80'",
                         ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        lexer_run(bad[i], strlen(bad[i]), &L);
        assert_int_equal(L.len, strlen(bad[i]));
        scope_run(bad[i], &L, 0, &S);
    }
}

static uint16_t flags_at(const char *src, const char *needle)
{
    lexer_run(src, strlen(src), &L);
    scope_run(src, &L, 0, &S);
    const char *p = strstr(src, needle);
    assert_non_null(p);
    size_t k = scope_token_at(&S, (size_t)(p - src));
    assert_true(k < S.n);
    return S.flags[k];
}

static void test_scopes(void **state)
{
    (void)state;
    const char *src =
        "async fn h() { X; tokio::task::spawn_blocking(move || { Y; }); }\n"
        "fn s() { Z; }\n"
        "#[tokio::main] async fn main() { M; run(service_fn(|e| async move { H; })); }\n"
        "#[cfg(test)] mod tests { #[tokio::test] async fn t() { T; } }\n"
        "static C: Lazy<u32> = Lazy::new(|| { I; 1 });\n"
        "impl<T> Tr for W<T> { fn f(&self) { F; } }\n";
    assert_true(flags_at(src, "X;") & SF_ASYNC);
    assert_true(flags_at(src, "Y;") & SF_OFF);
    assert_false(flags_at(src, "Z;") & SF_ASYNC);
    assert_true(flags_at(src, "M;") & SF_MAIN);
    uint16_t h = flags_at(src, "H;");
    assert_true((h & SF_ASYNC) && !(h & SF_MAIN));
    assert_true(flags_at(src, "T;") & SF_TEST);
    assert_true(flags_at(src, "I;") & SF_INIT);
    assert_true(flags_at(src, "F;") & SF_IN_FN);
    assert_int_equal(S.nloops, 0); /* `impl X for Y` is not a loop */
}

static void test_loops_and_lets(void **state)
{
    (void)state;
    const char *src =
        "async fn f() { for x in xs { a(x).await; } while let Some(y) = s.next().await "
        "{ } for i in 0..3 { b().await; } let p = c().await; let q = d().await; }";
    lexer_run(src, strlen(src), &L);
    scope_run(src, &L, 0, &S);
    assert_int_equal(S.nloops, 3);
    assert_int_equal(S.loops[0].kind, LOOP_FOR);
    assert_false(S.loops[0].head_awaits);
    assert_true(S.loops[1].head_awaits);
    assert_true(S.loops[2].retry_range);
    assert_int_equal(S.nlets, 2);
    assert_int_equal(S.lets[0].frame, S.lets[1].frame);
}

static void test_glob(void **state)
{
    (void)state;
    assert_true(walk_glob_match("*.rs", "main.rs"));
    assert_false(walk_glob_match("*.rs", "src/main.rs"));
    assert_true(walk_glob_match("src/*.rs", "src/main.rs"));
    assert_true(walk_glob_match("**/gen", "a/b/gen"));
    assert_true(walk_glob_match("**/gen", "gen"));
    assert_false(walk_glob_match("**/gen", "agen"));
    assert_true(walk_glob_match("a/**", "a/b/c"));
    assert_true(walk_glob_match("a/**/z", "a/z"));
    assert_true(walk_glob_match("a/**/z", "a/b/c/z"));
    assert_true(walk_glob_match("[a-c]?.t[!x]t", "bz.txt") == false);
    assert_true(walk_glob_match("[a-c]?.t[!y]t", "bz.txt"));
    assert_true(walk_glob_match("\\*x", "*x"));
    /* a hostile pattern ends quickly (as no match) instead of backtracking for ever */
    assert_false(
        walk_glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*a*b",
                        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_comments_and_strings_blanked),
        cmocka_unit_test(test_chars_and_lifetimes),
        cmocka_unit_test(test_raw_identifiers_and_numbers),
        cmocka_unit_test(test_broken_input),
        cmocka_unit_test(test_scopes),
        cmocka_unit_test(test_loops_and_lets),
        cmocka_unit_test(test_glob),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    lexer_finish(&L);
    scope_finish(&S);
    return rc;
}
