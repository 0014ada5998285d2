/* Unit tests for the TOML reader: values and their places, every error with line:col, and
 * robustness on mutated input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "lambda_advisor/toml.h"
#include "lambda_advisor/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct toml_doc parse_ok(const char *text)
{
    struct toml_doc doc;
    struct la_error err = LA_ERROR_INIT;
    bool ok = toml_parse(&doc, "t.toml", text, strlen(text), &err);
    if (!ok)
        fail_msg("unexpected error %d:%d: %s", err.line, err.col, err.msg);
    la_error_finish(&err);
    return doc;
}

static void test_cargo_manifest(void **state)
{
    (void)state;
    const char *text = "# a typical manifest\n"
                       "[package]\n"
                       "name = \"fn\"            # comment\n"
                       "version = '0.1.0'\n"
                       "edition = \"2021\"\n"
                       "\n"
                       "[dependencies]\n"
                       "tokio = { version = \"1\", features = [\"macros\", \"rt\"] }\n"
                       "serde.version = \"1\"\n"
                       "serde.features = [\"derive\"]\n"
                       "\n"
                       "[target.'cfg(unix)'.dependencies]\n"
                       "libc = \"0.2\"\n"
                       "\n"
                       "[[bin]]\n"
                       "name = \"a\"\n"
                       "[[bin]]\n"
                       "name = \"b\"\n"
                       "\n"
                       "[profile.release]\n"
                       "lto = true\n"
                       "codegen-units = 1\n"
                       "opt-level = \"z\"\n";
    struct toml_doc doc = parse_ok(text);
    const struct toml_value *root = doc.root;
    assert_string_equal(toml_str(toml_path(root, "package", "name", NULL)), "fn");
    assert_string_equal(toml_str(toml_path(root, "package", "version", NULL)), "0.1.0");
    const struct toml_value *pkg = toml_get(root, "package");
    assert_int_equal(pkg->line, 2);
    assert_int_equal(pkg->col, 1);
    const struct toml_kv *name = toml_find(pkg, "name");
    assert_int_equal(name->line, 3);
    assert_int_equal(name->col, 1);
    assert_int_equal(name->value->col, 8);

    const struct toml_value *tokio = toml_path(root, "dependencies", "tokio", NULL);
    assert_non_null(tokio);
    assert_int_equal(tokio->type, TOML_TABLE);
    assert_int_equal(tokio->line, 8);
    assert_int_equal(tokio->col, 9);
    const struct toml_value *feats = toml_get(tokio, "features");
    assert_int_equal(feats->type, TOML_ARRAY);
    assert_int_equal(feats->nitems, 2);
    assert_string_equal(feats->items[1]->str, "rt");
    assert_int_equal(feats->items[1]->line, 8);
    assert_int_equal(feats->items[1]->col, 48);

    const struct toml_value *serde = toml_path(root, "dependencies", "serde", NULL);
    assert_string_equal(toml_str(toml_get(serde, "version")), "1");
    assert_string_equal(toml_get(serde, "features")->items[0]->str, "derive");

    assert_string_equal(
        toml_str(toml_path(root, "target", "cfg(unix)", "dependencies", "libc", NULL)), "0.2");

    const struct toml_value *bins = toml_get(root, "bin");
    assert_int_equal(bins->type, TOML_ARRAY);
    assert_int_equal(bins->nitems, 2);
    assert_string_equal(toml_str(toml_get(bins->items[1], "name")), "b");
    assert_int_equal(bins->items[1]->line, 17);

    const struct toml_value *lto = toml_path(root, "profile", "release", "lto", NULL);
    assert_int_equal(lto->type, TOML_BOOL);
    assert_true(lto->b);
    assert_int_equal(toml_path(root, "profile", "release", "codegen-units", NULL)->i, 1);
    assert_int_equal(toml_path(root, "profile", "release", NULL)->line, 20);
    assert_null(toml_path(root, "profile", "dev", NULL));
    assert_null(toml_get(lto, "x")); /* not a table */
    toml_finish(&doc);
}

static void test_strings(void **state)
{
    (void)state;
    const char *text = "basic = \"tab\\there \\\"q\\\" \\u00e9 \\U0001F600 back\\\\slash\"\n"
                       "literal = 'C:\\Users\\x'\n"
                       "ml = \"\"\"\n"
                       "first\n"
                       "second \\\n"
                       "    joined\"\"\"\n"
                       "mll = '''\n"
                       "raw \\n ''quoted'' '''\n"
                       "quotes = \"\"\"a \"\"quoted\"\" end\"\"\"\"\"\n"
                       "\"quoted key\" = 1\n"
                       "'lit.key' = 2\n"
                       "empty = \"\"\n"
                       "after = 3\n";
    struct toml_doc doc = parse_ok(text);
    const struct toml_value *r = doc.root;
    assert_string_equal(toml_str(toml_get(r, "basic")),
                        "tab\there \"q\" \xc3\xa9 \xf0\x9f\x98\x80 back\\slash");
    assert_string_equal(toml_str(toml_get(r, "literal")), "C:\\Users\\x");
    assert_string_equal(toml_str(toml_get(r, "ml")), "first\nsecond joined");
    assert_string_equal(toml_str(toml_get(r, "mll")), "raw \\n ''quoted'' ");
    assert_string_equal(toml_str(toml_get(r, "quotes")), "a \"\"quoted\"\" end\"\"");
    assert_int_equal(toml_get(r, "quoted key")->i, 1);
    assert_int_equal(toml_get(r, "lit.key")->i, 2);
    assert_string_equal(toml_str(toml_get(r, "empty")), "");
    /* the place after multi-line strings is still right */
    assert_int_equal(toml_find(r, "after")->line, 13);
    toml_finish(&doc);
}

static void test_numbers_and_dates(void **state)
{
    (void)state;
    const char *text =
        "a = 42\nb = -17\nc = 1_000_000\nd = 0xDEAD_beef\ne = 0o755\nf = 0b1101\n"
        "g = 3.14\nh = -0.5e-3\ni = 6E+2\nj = inf\nk = -inf\nl = nan\nm = +12\n"
        "n = 9223372036854775807\n"
        "d1 = 1979-05-27\nd2 = 1979-05-27T07:32:00Z\nd3 = 1979-05-27 07:32:00.5-07:00\n"
        "d4 = 07:32:00\nt = true\nf2 = false\n";
    struct toml_doc doc = parse_ok(text);
    const struct toml_value *r = doc.root;
    assert_int_equal(toml_get(r, "a")->i, 42);
    assert_int_equal(toml_get(r, "b")->i, -17);
    assert_int_equal(toml_get(r, "c")->i, 1000000);
    assert_int_equal(toml_get(r, "d")->i, 0xdeadbeef);
    assert_int_equal(toml_get(r, "e")->i, 0755);
    assert_int_equal(toml_get(r, "f")->i, 13);
    assert_int_equal(toml_get(r, "g")->type, TOML_FLOAT);
    assert_true(fabs(toml_get(r, "g")->f - 3.14) < 1e-12);
    assert_true(fabs(toml_get(r, "h")->f + 0.0005) < 1e-12);
    assert_true(fabs(toml_get(r, "i")->f - 600) < 1e-9);
    assert_true(isinf(toml_get(r, "j")->f) && toml_get(r, "j")->f > 0);
    assert_true(isinf(toml_get(r, "k")->f) && toml_get(r, "k")->f < 0);
    assert_true(isnan(toml_get(r, "l")->f));
    assert_int_equal(toml_get(r, "m")->i, 12);
    assert_true(toml_get(r, "n")->i == 9223372036854775807LL);
    assert_int_equal(toml_get(r, "d1")->type, TOML_DATETIME);
    assert_string_equal(toml_get(r, "d1")->str, "1979-05-27");
    assert_string_equal(toml_get(r, "d2")->str, "1979-05-27T07:32:00Z");
    assert_string_equal(toml_get(r, "d3")->str, "1979-05-27 07:32:00.5-07:00");
    assert_string_equal(toml_get(r, "d4")->str, "07:32:00");
    assert_true(toml_get(r, "t")->b);
    assert_false(toml_get(r, "f2")->b);
    assert_string_equal(toml_type_name(toml_get(r, "d1")->type), "date");
    toml_finish(&doc);
}

static void test_arrays_and_inline_tables(void **state)
{
    (void)state;
    const char *text = "arr = [\n"
                       "  1, # one\n"
                       "  \"two\",\n"
                       "  [3, [4]],\n"
                       "  { five = 5 },\n"
                       "]\n"
                       "empty = []\n"
                       "it = { a.b = 1, \"c\" = { d = [] } }\n"
                       "crlf = 1\r\n"
                       "next = 2\r\n";
    struct toml_doc doc = parse_ok(text);
    const struct toml_value *arr = toml_get(doc.root, "arr");
    assert_int_equal(arr->nitems, 4);
    assert_int_equal(arr->items[0]->i, 1);
    assert_int_equal(arr->items[1]->line, 3);
    assert_int_equal(arr->items[1]->col, 3);
    assert_int_equal(arr->items[2]->items[1]->items[0]->i, 4);
    assert_int_equal(toml_get(arr->items[3], "five")->i, 5);
    assert_int_equal(toml_get(doc.root, "empty")->nitems, 0);
    assert_int_equal(toml_path(doc.root, "it", "a", "b", NULL)->i, 1);
    assert_int_equal(toml_path(doc.root, "it", "c", "d", NULL)->type, TOML_ARRAY);
    assert_int_equal(toml_find(doc.root, "next")->line, 10);
    toml_finish(&doc);
}

static void test_big_table(void **state)
{
    (void)state;
    char *text = xmalloc(5000 * 24);
    size_t n = 0;
    for (int i = 0; i < 5000; i++)
        n += (size_t)sprintf(text + n, "key%d = %d\n", i, i);
    struct toml_doc doc = parse_ok(text);
    assert_int_equal(doc.root->nkvs, 5000);
    assert_int_equal(toml_get(doc.root, "key4321")->i, 4321);
    assert_int_equal(toml_find(doc.root, "key4321")->line, 4322);
    assert_null(toml_get(doc.root, "key5000"));
    toml_finish(&doc);
    /* a duplicate found through the index */
    n += (size_t)sprintf(text + n, "key17 = 1\n");
    struct la_error err = LA_ERROR_INIT;
    assert_false(toml_parse(&doc, "t.toml", text, n, &err));
    assert_int_equal(err.line, 5001);
    assert_non_null(strstr(err.msg, "duplicate key \"key17\" (first defined at 18:1)"));
    la_error_finish(&err);
    free(text);
}

struct bad {
    const char *text;
    int line, col;
    const char *msg;
};

static const struct bad bad_docs[] = {
    {"a = 1\na = 2\n", 2, 1, "duplicate key \"a\" (first defined at 1:1)"},
    {"[a]\nx = 1\n[a]\n", 3, 1, "table [a] is already defined"},
    {"a = \"unterminated\n", 1, 18, "newline inside a single-line string"},
    {"a = \"\"\"never closed\n\n", 1, 5, "unterminated string (expected a closing \"\"\")"},
    {"a = 'x\n", 1, 7, "expected a closing '"},
    {"a = [1 2]\n", 1, 8, "expected ',' or ']' in the array (opened at 1:5)"},
    {"a = [1,\n", 2, 1, "expected a value"},
    {"a = { b = 1 c = 2 }\n", 1, 13, "expected ',' or '}' in the inline table"},
    {"a = \n", 1, 5, "expected a value"},
    {"a 1\n", 1, 3, "expected '=' after the key \"a\""},
    {"= 1\n", 1, 1, "expected a key, a [table] header or a comment"},
    {"a = 1 b = 2\n", 1, 7, "expected a newline or a comment after the value"},
    {"[a\n", 1, 3, "expected ']' to close the table header"},
    {"[[a]\n", 1, 4, "expected ']]' to close the table header"},
    {"[a] x = 1\n", 1, 5, "after the table header"},
    {"a = \"\\q\"\n", 1, 6, "invalid escape"},
    {"a = \"\\u12\"\n", 1, 6, "expected 4 hex digits after \\u"},
    {"a = \"\\uD800\"\n", 1, 6, "not a Unicode scalar value"},
    {"a = 01\n", 1, 5, "leading zeros"},
    {"a = 1__0\n", 1, 5, "underscore in a number must sit between digits"},
    {"a = 1.\n", 1, 5, "malformed number"},
    {"a = 1.2.3\n", 1, 5, "malformed float"},
    {"a = 99999999999999999999\n", 1, 5, "out of range"},
    {"a = 0x\n", 1, 5, "malformed base-16 integer"},
    {"a = tru\n", 1, 5, "expected a value"},
    {"a = 1979-13\n", 1, 5, "malformed date"},
    {"a = 1\n[a]\n", 2, 1, "table [a] is already defined (as an integer"},
    {"a = 1\na.b = 2\n", 2, 1, "key \"a\" already holds an integer (defined at 1:1)"},
    {"a = {x = 1}\na.y = 2\n", 2, 1, "already holds an inline table"},
    {"[a]\nb.c = 1\n[a.b]\n", 3, 1, "table [b] is already defined"},
    {"a = [1]\n[[a]]\n", 2, 1, "[[a]] names an array already defined"},
    {"[[a]]\n[a]\n", 2, 1, "table [a] is already defined (as an array of tables"},
    {"a = \"x\x01y\"\n", 1, 7, "control character 0x01 in a string"},
    {"# bad \x02 comment\n", 1, 7, "control character 0x02 in a comment"},
    {"a = \"\"\"x\ry\"\"\"\n", 1, 9, "bare carriage return"},
    {"\"\"\"k\"\"\" = 1\n", 1, 1, "a multi-line string cannot be a key"},
    {"\x7f = 1\n", 1, 1, "found byte 0x7f"},
};

static void test_errors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bad_docs / sizeof bad_docs[0]; i++) {
        const struct bad *b = &bad_docs[i];
        struct toml_doc doc;
        struct la_error err = LA_ERROR_INIT;
        bool ok = toml_parse(&doc, "bad.toml", b->text, strlen(b->text), &err);
        if (ok)
            fail_msg("case %zu parsed but should fail: %s", i, b->text);
        assert_string_equal(err.file, "bad.toml");
        if (err.line != b->line || err.col != b->col || strstr(err.msg, b->msg) == NULL)
            fail_msg("case %zu: got %d:%d: %s; wanted %d:%d: ...%s...", i, err.line, err.col,
                     err.msg, b->line, b->col, b->msg);
        assert_null(doc.root);
        la_error_finish(&err);
    }
}

static void test_limits(void **state)
{
    (void)state;
    /* arrays nested past the limit are refused, not recursed into */
    size_t n = 5 + 2 * 1000;
    char *text = xmalloc(n + 2);
    strcpy(text, "a = ");
    memset(text + 4, '[', 1000);
    memset(text + 1004, ']', 1000);
    text[2004] = '\n';
    struct toml_doc doc;
    struct la_error err = LA_ERROR_INIT;
    assert_false(toml_parse(&doc, "deep.toml", text, 2005, &err));
    assert_int_equal(err.line, 1);
    assert_int_equal(err.col, 5 + TOML_MAX_DEPTH);
    assert_non_null(strstr(err.msg, "nested deeper than"));
    la_error_finish(&err);
    free(text);
    /* and so are absurdly dotted keys */
    struct strbuf_like {
        char s[4096];
    } k;
    size_t l = 0;
    for (int i = 0; i < 100; i++)
        l += (size_t)sprintf(k.s + l, "%sa", i ? "." : "");
    l += (size_t)sprintf(k.s + l, " = 1\n");
    assert_false(toml_parse(&doc, "dots.toml", k.s, l, &err));
    assert_non_null(strstr(err.msg, "more than 32 parts"));
    la_error_finish(&err);
    /* NUL bytes and non-terminated buffers are fine */
    const char nul[] = {'a', ' ', '=', ' ', '1', '\n', 'b', '\0', '=', '2'};
    assert_false(toml_parse(&doc, "nul.toml", nul, sizeof nul, &err));
    assert_int_equal(err.line, 2);
    assert_int_equal(err.col, 2);
    la_error_finish(&err);
    assert_true(toml_parse(&doc, "cut.toml", "a = 1\nb = 23456", 14, &err));
    assert_int_equal(toml_get(doc.root, "b")->i, 2345);
    toml_finish(&doc);
    assert_true(toml_parse(&doc, "empty.toml", "", 0, &err));
    assert_int_equal(doc.root->nkvs, 0);
    toml_finish(&doc);
    assert_true(toml_parse(&doc, "bom.toml", "\xef\xbb\xbfx = 1", 8, &err));
    assert_int_equal(toml_find(doc.root, "x")->col, 1);
    toml_finish(&doc);
}

/* Deterministic mutation of a real manifest: every result must be a clean accept or a
 * located error (ASan/UBSan catch the rest). */
static void test_mutations(void **state)
{
    (void)state;
    const char *seed = "[package]\nname = \"x\"\n[dependencies]\n"
                       "tokio = { version = \"1\", features = [\"full\"] }\n"
                       "s = \"\"\"a\\\n b\"\"\"\nt = '''x'''\n[[bin]]\nn = 1e3\nd = 1979-05-27\n";
    size_t sl = strlen(seed);
    const char alphabet[] = "[]{}\"'=,.#\n\r\\ abc019-_+eExo:TZ\t\x01\xff";
    unsigned rng = 12345;
    char buf[512];
    for (int iter = 0; iter < 20000; iter++) {
        memcpy(buf, seed, sl);
        size_t len = sl;
        int muts = 1 + (int)((rng = rng * 1103515245u + 12345u) >> 16) % 4;
        for (int m = 0; m < muts; m++) {
            rng = rng * 1103515245u + 12345u;
            size_t pos = (rng >> 8) % len;
            char c = alphabet[(rng >> 20) % (sizeof alphabet - 1)];
            switch ((rng >> 4) % 3) {
            case 0:
                buf[pos] = c;
                break;
            case 1:
                if (len + 1 < sizeof buf) {
                    memmove(buf + pos + 1, buf + pos, len - pos);
                    buf[pos] = c;
                    len++;
                }
                break;
            default:
                memmove(buf + pos, buf + pos + 1, len - pos - 1);
                len--;
                break;
            }
        }
        struct toml_doc doc;
        struct la_error err = LA_ERROR_INIT;
        if (toml_parse(&doc, "m.toml", buf, len, &err)) {
            assert_non_null(doc.root);
            toml_finish(&doc);
        } else {
            assert_true(err.line >= 1 && err.col >= 1);
            assert_non_null(err.msg);
        }
        la_error_finish(&err);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cargo_manifest),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_numbers_and_dates),
        cmocka_unit_test(test_arrays_and_inline_tables),
        cmocka_unit_test(test_big_table),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_mutations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
