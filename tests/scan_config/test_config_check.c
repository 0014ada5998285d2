/* Unit tests for the deploy-config reader and the config checks, on the fixture projects in
 * tests/scan_config/fixtures/ (true positives and hard negatives). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "lambda_advisor/config_check.h"
#include "lambda_advisor/deploy.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef FIXTURES
#error "FIXTURES must name tests/scan_config/fixtures"
#endif

struct collected {
    struct strbuf out;
    struct strbuf errors;
};

static void on_finding(void *ud, const char *rule, const char *path, int line, int col,
                       const char *detail, bool as_note)
{
    struct collected *c = ud;
    sb_addf(&c->out, "%s:%d:%d: %s | %s%s\n", path, line, col, rule, as_note ? "[note] " : "",
            detail ? detail : "");
}

static void on_error(void *ud, const struct la_error *err)
{
    struct collected *c = ud;
    sb_addf(&c->errors, "%s:%d:%d: %s\n", err->file, err->line, err->col, err->msg);
}

/* Runs the checks over the given crate dirs and deploy files (relative to FIXTURES), as a
 * scan of the fixture projects they are in (their first path component) would. */
static char *run(const char *const *crates, size_t nc, const char *const *deploys, size_t nd,
                 char **errors)
{
    assert_int_equal(chdir(FIXTURES), 0);
    struct collected c = {STRBUF_INIT, STRBUF_INIT};
    char *roots[16];
    size_t nr = 0;
    for (size_t i = 0; i < nc + nd && nr < 16; i++) {
        const char *p = i < nc ? crates[i] : deploys[i - nc];
        const char *slash = strchr(p, '/');
        char *r = slash && p[0] != '/' ? xstrndup(p, (size_t)(slash - p)) : xstrdup(p);
        bool dup = false;
        for (size_t k = 0; k < nr && !dup; k++)
            dup = strcmp(roots[k], r) == 0;
        if (dup)
            free(r);
        else
            roots[nr++] = r;
    }
    struct config_model *m = config_model_new(on_error, NULL, &c);
    struct config_run cr = {crates, nc, deploys, nd, (const char *const *)roots, nr, false};
    config_model_check(m, &cr, on_finding, &c);
    config_model_free(m);
    for (size_t k = 0; k < nr; k++)
        free(roots[k]);
    if (errors != NULL)
        *errors = sb_detach(&c.errors);
    else if (c.errors.len > 0)
        fail_msg("unexpected errors:\n%s", sb_str(&c.errors));
    sb_finish(&c.errors);
    return sb_detach(&c.out);
}

/* Every expected line is there, and nothing else (each line is "path:line:col: rule"). */
static void expect(const char *got, const char *const *want, size_t nwant)
{
    size_t lines = 0;
    for (const char *p = got; *p; p++)
        lines += *p == '\n';
    for (size_t i = 0; i < nwant; i++) {
        size_t wl = strlen(want[i]);
        bool found = false;
        for (const char *p = got; *p && !found;) {
            const char *eol = strchr(p, '\n');
            found = strncmp(p, want[i], wl) == 0 && p[wl] == ' ';
            p = eol ? eol + 1 : p + strlen(p);
        }
        if (!found)
            fail_msg("missing finding [%s] in:\n%s", want[i], got);
    }
    if (lines != nwant)
        fail_msg("expected %zu findings, got %zu:\n%s", nwant, lines, got);
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void test_correct_projects_are_clean(void **state)
{
    (void)state;
    /* hard negatives: correct SAM arm64 template with a timeout, tokio "full" only in
     * dev-dependencies, reqwest with rustls and default-features = false, a workspace whose
     * profile lives in the root, reqwest 0.13 (rustls by default), serverless with ${vars},
     * an x86-only native dependency, CloudFormation intrinsics, a non-Lambda crate */
    const char *crates[] = {"sam-arm64-ok", "workspace-ok",  "workspace-ok/crates/fn",
                            "tls-ok",       "serverless-ok", "x86-only",
                            "not-lambda"};
    const char *deploys[] = {"sam-arm64-ok/template.yaml", "serverless-ok/serverless.yml",
                             "x86-only/template.yaml", "cfn-intrinsics/template.yml"};
    char *got = run(crates, N(crates), deploys, N(deploys), NULL);
    expect(got, NULL, 0);
    free(got);
}

static void test_sam_defaults(void **state)
{
    (void)state;
    const char *crates[] = {"sam-defaults"};
    const char *deploys[] = {"sam-defaults/template.yaml"};
    char *got = run(crates, 1, deploys, 1, NULL);
    const char *want[] = {
        "sam-defaults/Cargo.toml:9:38: tokio-full",
        "sam-defaults/Cargo.toml:10:1: openssl-tls",
        "sam-defaults/template.yaml:3:3: default-timeout",
        "sam-defaults/template.yaml:3:3: x86-deploy",
        "sam-defaults/template.yaml:11:7: memory-too-low-for-rayon",
    };
    expect(got, want, N(want));
    assert_non_null(strstr(got, "reqwest 0.11 with its default features builds native-tls"));
    assert_non_null(
        strstr(got, "function ThumbnailFunction has no Timeout (Lambda's default is 3 s)"));
    assert_non_null(strstr(got, "deploys as x86_64 (the default)"));
    assert_non_null(strstr(got, "has 1024 MB and sam-defaults/Cargo.toml depends on rayon"));
    assert_non_null(strstr(got, "tokio-full | \n"));
    free(got);
}

static void test_workspace_root_profile(void **state)
{
    (void)state;
    /* two Lambda members, no profile in the root (member profiles do not count): one note in
     * the root; tokio "full" from [workspace.dependencies] is reported where it is written */
    const char *crates[] = {"workspace-noprofile", "workspace-noprofile/crates/a",
                            "workspace-noprofile/crates/b"};
    char *got = run(crates, N(crates), NULL, 0, NULL);
    const char *want[] = {
        "workspace-noprofile/Cargo.toml:1:1: no-release-profile",
        "workspace-noprofile/Cargo.toml:5:38: tokio-full",
    };
    expect(got, want, N(want));
    assert_non_null(strstr(got, "the workspace root has no [profile.release]"));
    assert_non_null(strstr(got, "tokio-full | set in the workspace's [workspace.dependencies]"));
    free(got);
    /* scanning only a member still finds its root above it */
    const char *member[] = {"workspace-noprofile/crates/b"};
    got = run(member, 1, NULL, 0, NULL);
    expect(got, want, N(want));
    free(got);
    /* and a root with the profile satisfies a member scanned alone */
    const char *okmember[] = {"workspace-ok/crates/fn"};
    got = run(okmember, 1, NULL, 0, NULL);
    expect(got, NULL, 0);
    free(got);
    /* a crate the root excludes is not a member: its own manifest needs the profile */
    const char *ex[] = {"workspace-excluded/member", "workspace-excluded/standalone"};
    got = run(ex, N(ex), NULL, 0, NULL);
    const char *want_ex[] = {"workspace-excluded/standalone/Cargo.toml:1:1: no-release-profile"};
    expect(got, want_ex, N(want_ex));
    free(got);
}

static void test_serverless_arch_mismatch(void **state)
{
    (void)state;
    const char *crates[] = {"arch-mismatch"};
    const char *deploys[] = {"arch-mismatch/serverless.yml"};
    char *got = run(crates, 1, deploys, 1, NULL);
    const char *want[] = {
        "arch-mismatch/serverless.yml:5:17: x86-deploy",
        "arch-mismatch/serverless.yml:5:17: arch-mismatch",
    };
    expect(got, want, N(want));
    assert_non_null(strstr(got, "function ingest deploys as x86_64 but "
                                "arch-mismatch/.cargo/config.toml:2:1 builds for "
                                "aarch64-unknown-linux-gnu"));
    free(got);
}

static void test_cargo_lambda_metadata(void **state)
{
    (void)state;
    const char *crates[] = {"cargo-lambda-meta"};
    char *got = run(crates, 1, NULL, 0, NULL);
    const char *want[] = {
        "cargo-lambda-meta/Cargo.toml:17:1: openssl-tls",
        "cargo-lambda-meta/Cargo.toml:7:1: memory-too-low-for-rayon",
    };
    expect(got, want, N(want));
    free(got);
    /* build metadata arm64 = true against a serverless.yaml left at the x86_64 default */
    const char *c2[] = {"meta-vs-serverless"};
    const char *d2[] = {"meta-vs-serverless/serverless.yaml"};
    got = run(c2, 1, d2, 1, NULL);
    const char *want2[] = {
        "meta-vs-serverless/serverless.yaml:6:3: x86-deploy",
        "meta-vs-serverless/serverless.yaml:6:3: arch-mismatch",
    };
    expect(got, want2, N(want2));
    assert_non_null(strstr(got, "meta-vs-serverless/Cargo.toml:7:1 builds for arm64 = true"));
    free(got);
}

static void test_code_uri_links_functions_to_crates(void **state)
{
    (void)state;
    /* two crates, two functions: only fn-b has rayon, and only BFunction deploys it */
    const char *crates[] = {"multi-fn/fn-a", "multi-fn/fn-b"};
    const char *deploys[] = {"multi-fn/template.yaml"};
    char *got = run(crates, N(crates), deploys, 1, NULL);
    const char *want[] = {
        "multi-fn/template.yaml:25:7: default-timeout",
        "multi-fn/template.yaml:24:7: memory-too-low-for-rayon",
    };
    expect(got, want, N(want));
    assert_non_null(strstr(got, "function BFunction has 1536 MB"));
    free(got);
}

static void test_other_languages_are_left_alone(void **state)
{
    (void)state;
    /* Go on provided.al2023 (go1.x build method, or makefile with a go.mod), a container
     * image, next to a Rust function: only the Rust one is checked; other crates' TLS
     * features that build OpenSSL are found, rustls ones are not */
    const char *crates[] = {"go-and-rust/rust-fn"};
    const char *deploys[] = {"go-and-rust/template.yaml"};
    char *got = run(crates, 1, deploys, 1, NULL);
    const char *want[] = {
        "go-and-rust/rust-fn/Cargo.toml:8:39: openssl-tls",
        "go-and-rust/template.yaml:33:7: default-timeout",
    };
    expect(got, want, N(want));
    assert_non_null(strstr(got, "feature \"runtime-tokio-native-tls\" builds OpenSSL"));
    free(got);
    /* with no Rust Lambda crate at all, provided.* functions are not assumed to be Rust */
    const char *go_only[] = {"go-only/template.yaml"};
    got = run(NULL, 0, go_only, 1, NULL);
    expect(got, NULL, 0);
    free(got);
}

static void test_other_build_configs(void **state)
{
    (void)state;
    /* CargoLambda.toml [build] arm64 = true against serverless x86_64 */
    const char *c1[] = {"cargolambda-toml"};
    const char *d1[] = {"cargolambda-toml/serverless.yml"};
    char *got = run(c1, 1, d1, 1, NULL);
    const char *want[] = {
        "cargolambda-toml/serverless.yml:5:17: x86-deploy",
        "cargolambda-toml/serverless.yml:5:17: arch-mismatch",
    };
    expect(got, want, N(want));
    assert_non_null(strstr(got, "cargolambda-toml/CargoLambda.toml:2:1 builds for arm64 = true"));
    free(got);
    /* SAM's rust-cargolambda adds --arm64 for arm64 functions (config files cannot disagree)
     * but nothing for x86_64: there the crate's arm64 = true makes a mismatch */
    const char *c3[] = {"sam-build-arch/x86", "sam-build-arch/arm"};
    const char *d3[] = {"sam-build-arch/template.yaml"};
    got = run(c3, 2, d3, 1, NULL);
    const char *want3[] = {
        "sam-build-arch/template.yaml:15:3: x86-deploy",
        "sam-build-arch/template.yaml:15:3: arch-mismatch",
    };
    expect(got, want3, N(want3));
    assert_non_null(strstr(got, "sam-build-arch/arm/Cargo.toml:15:1 builds for arm64 = true"));
    free(got);
    /* the release profile in .cargo/config.toml counts; several build targets decide
     * nothing; a CodeUri at cargo-lambda's output links to the only crate */
    const char *c2[] = {"profile-in-config"};
    const char *d2[] = {"profile-in-config/template.yaml"};
    got = run(c2, 1, d2, 1, NULL);
    expect(got, NULL, 0);
    free(got);
}

static void test_optional_dependencies(void **state)
{
    (void)state;
    /* rayon turned on by default = ["fast"], fast = ["dep:rayon"] counts; an optional openssl
     * behind a non-default feature does not; a library whose lambda_http is optional and off
     * by default is not a Lambda crate (its tokio "full" is not reported) */
    const char *crates[] = {"optional-deps/fn", "optional-deps/lib"};
    const char *deploys[] = {"optional-deps/template.yaml"};
    char *got = run(crates, 2, deploys, 1, NULL);
    const char *want[] = {"optional-deps/template.yaml:11:7: memory-too-low-for-rayon"};
    expect(got, want, N(want));
    free(got);
}

static void test_crate_model(void **state)
{
    (void)state;
    /* what each crate is and how it reaches the runtime (fixtures/model/) */
    assert_int_equal(chdir(FIXTURES), 0);
    struct config_model *m = config_model_new(NULL, NULL, NULL);
    const char *roots[] = {"model"};
    config_model_roots(m, roots, 1);
    struct config_crate c;
    assert_true(config_model_crate(m, "model/ws", &c));
    assert_false(c.package); /* a virtual root */
    assert_false(config_crate_is_function(&c));
    assert_true(config_model_crate(m, "model/ws/libs/fnkit", &c));
    assert_false(c.bin); /* the wrapper library */
    assert_int_equal(c.reach, CONFIG_REACH_DIRECT);
    assert_false(config_crate_is_function(&c));
    assert_true(config_model_crate(m, "model/ws/fns/resize", &c));
    assert_int_equal(c.reach, CONFIG_REACH_WRAPPER);
    assert_true(config_crate_is_function(&c));
    assert_true(config_model_crate(m, "model/ws/fns/thin", &c));
    assert_int_equal(c.reach, CONFIG_REACH_DIRECT);
    assert_true(c.aws_calls);
    assert_false(c.slow_work);
    bool tests, subscriber;
    config_model_crate_deps(m, "model/ws/fns/thin", &tests, &subscriber);
    assert_true(tests);       /* core-logic's tests/ */
    assert_false(subscriber); /* no callback given: nothing is recognised as one */
    config_model_crate_deps(m, "model/ws/fns/resize", &tests, &subscriber);
    assert_false(tests);
    assert_true(config_model_crate(m, "model/lwa", &c));
    assert_int_equal(c.reach, CONFIG_REACH_ADAPTER);
    assert_true(config_model_crate(m, "model/poem", &c));
    assert_int_equal(c.reach, CONFIG_REACH_DIRECT);
    assert_true(config_model_crate(m, "model/optional", &c));
    assert_int_equal(c.reach, CONFIG_REACH_OPTIONAL);
    assert_true(config_crate_is_function(&c));
    assert_true(config_model_crate(m, "model/itest", &c));
    assert_true(c.test_only);
    assert_true(config_model_crate(m, "model/timeouts/fetch", &c));
    assert_true(c.slow_work);
    assert_false(config_model_crate(m, "model/no-such-crate", &c));
    config_model_free(m);
}

static void test_suppression_comments(void **state)
{
    (void)state;
    /* `# lambda-advisor: allow(id)` on the line or the line above, allow-file(id) anywhere;
     * a comment that merely mentions the tool, a malformed one, or the text inside a string
     * suppresses nothing */
    const char *crates[] = {"suppressed"};
    const char *deploys[] = {"suppressed/template.yaml"};
    char *got = run(crates, 1, deploys, 1, NULL);
    const char *want[] = {
        "suppressed/Cargo.toml:11:38: tokio-full",
        "suppressed/Cargo.toml:12:1: openssl-tls",
        "suppressed/template.yaml:19:7: memory-too-low-for-rayon",
    };
    expect(got, want, N(want));
    free(got);
}

static void test_broken_files_are_reported(void **state)
{
    (void)state;
    const char *crates[] = {"broken"};
    const char *deploys[] = {"broken/template.yaml", "missing/template.yaml"};
    char *errors;
    char *got = run(crates, 1, deploys, N(deploys), &errors);
    expect(got, NULL, 0);
    assert_non_null(strstr(errors, "broken/Cargo.toml:3:17: a newline inside a single-line"));
    assert_non_null(strstr(errors, "broken/template.yaml:"));
    assert_non_null(strstr(errors, "alias bomb"));
    assert_non_null(strstr(errors, "missing/template.yaml"));
    free(errors);
    free(got);

    /* a FIFO named Cargo.toml or template.yaml is refused, not waited on */
    char dir[] = "/tmp/la-config-fifo-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *cdir = xasprintf("%s/crate", dir), *man = xasprintf("%s/Cargo.toml", cdir),
         *tpl = xasprintf("%s/template.yaml", dir);
    assert_int_equal(mkdir(cdir, 0755), 0);
    assert_int_equal(mkfifo(man, 0644), 0);
    assert_int_equal(mkfifo(tpl, 0644), 0);
    const char *fc[] = {cdir};
    const char *fd[] = {tpl};
    got = run(fc, 1, fd, 1, &errors);
    expect(got, NULL, 0);
    assert_non_null(strstr(errors, "crate/Cargo.toml:0:0: cannot read: not a regular file"));
    assert_non_null(strstr(errors, "template.yaml:0:0: cannot read: not a regular file"));
    free(errors);
    free(got);
    unlink(man);
    unlink(tpl);
    rmdir(cdir);
    rmdir(dir);
    free(cdir);
    free(man);
    free(tpl);
}

static void test_deploy_model(void **state)
{
    (void)state;
    const char *sam = "Globals:\n"
                      "  Function:\n"
                      "    Architectures: [arm64]\n"
                      "    Timeout: 10\n"
                      "    Runtime: provided.al2\n"
                      "Resources:\n"
                      "  A:\n"
                      "    Type: AWS::Serverless::Function\n"
                      "    Properties:\n"
                      "      CodeUri: s3://bucket/key.zip\n"
                      "      Timeout: 20\n"
                      "  B:\n"
                      "    Type: AWS::Lambda::Function\n"
                      "    Properties:\n"
                      "      Runtime: !Ref Rt\n"
                      "      MemorySize: \"2048\"\n"
                      "  C:\n"
                      "    Type: AWS::Serverless::Function\n"
                      "    Properties:\n"
                      "      CodeUri: src/c\n"
                      "      Architectures: [!Ref Arch]\n";
    struct deploy_file f;
    struct la_error err = LA_ERROR_INIT;
    assert_true(deploy_parse(&f, "dir/template.yaml", sam, strlen(sam), &err));
    assert_int_equal(f.kind, DEPLOY_SAM);
    assert_int_equal(f.nfns, 3);
    /* A inherits the globals, its own Timeout wins */
    assert_string_equal(f.fns[0].name, "A");
    assert_false(f.fns[0].rust); /* provided.al2 alone could be Go or C++ as well */
    assert_true(f.fns[0].provided);
    assert_int_equal(f.fns[0].arch, DEPLOY_ARCH_ARM64);
    assert_int_equal(f.fns[0].arch_line, 3);
    assert_int_equal(f.fns[0].arch_col, 21);
    assert_int_equal(f.fns[0].timeout.value, 20);
    assert_int_equal(f.fns[0].timeout.line, 11);
    assert_null(f.fns[0].code_dir);
    assert_int_equal(f.fns[0].memory.value, 128);
    assert_false(f.fns[0].memory.set);
    /* B: Globals do not apply to AWS::Lambda::Function; !Ref runtime is not known Rust */
    assert_false(f.fns[1].rust);
    assert_false(f.fns[1].provided);
    assert_int_equal(f.fns[1].arch, DEPLOY_ARCH_DEFAULT);
    assert_int_equal(f.fns[1].arch_line, 12);
    assert_false(f.fns[1].timeout.set);
    assert_true(f.fns[1].memory.known);
    assert_int_equal(f.fns[1].memory.value, 2048);
    /* C: a tagged architecture is unknown; CodeUri is joined to the template's directory */
    assert_int_equal(f.fns[2].arch, DEPLOY_ARCH_UNKNOWN);
    assert_string_equal(f.fns[2].code_dir, "dir/src/c");
    assert_true(f.fns[2].provided);
    deploy_finish(&f);

    const char *sls = "service: s\n"
                      "provider:\n"
                      "  name: aws\n"
                      "  runtime: provided.al2023\n"
                      "  architecture: arm64\n"
                      "functions:\n"
                      "  one:\n"
                      "    handler: bootstrap\n"
                      "    architecture: x86_64\n"
                      "  two:\n"
                      "    handler: x\n"
                      "    runtime: python3.12\n";
    assert_true(deploy_parse(&f, "serverless.yml", sls, strlen(sls), &err));
    assert_int_equal(f.kind, DEPLOY_SERVERLESS);
    assert_int_equal(f.nfns, 2);
    assert_int_equal(f.fns[0].arch, DEPLOY_ARCH_X86_64);
    assert_int_equal(f.fns[0].arch_line, 9);
    assert_int_equal(f.fns[0].timeout.value, 6);
    assert_int_equal(f.fns[0].memory.value, 1024);
    assert_true(f.fns[0].provided);
    assert_false(f.fns[1].provided);
    assert_int_equal(f.fns[1].arch, DEPLOY_ARCH_ARM64);
    deploy_finish(&f);

    /* neither kind: no functions, no error; malformed YAML: a located error */
    assert_true(deploy_parse(&f, "template.yaml", "just: text\n", 11, &err));
    assert_int_equal(f.nfns, 0);
    deploy_finish(&f);
    const char *bad = "Resources:\n  A: [1, 2\n";
    assert_false(deploy_parse(&f, "t.yaml", bad, strlen(bad), &err));
    assert_string_equal(err.file, "t.yaml");
    assert_true(err.line >= 2);
    la_error_finish(&err);
    /* absurd nesting is refused */
    char deep[400];
    memset(deep, '[', 300);
    deep[300] = '\0';
    assert_false(deploy_parse(&f, "deep.yaml", deep, 300, &err));
    assert_non_null(err.msg);
    la_error_finish(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_correct_projects_are_clean),
        cmocka_unit_test(test_sam_defaults),
        cmocka_unit_test(test_workspace_root_profile),
        cmocka_unit_test(test_serverless_arch_mismatch),
        cmocka_unit_test(test_cargo_lambda_metadata),
        cmocka_unit_test(test_code_uri_links_functions_to_crates),
        cmocka_unit_test(test_other_languages_are_left_alone),
        cmocka_unit_test(test_other_build_configs),
        cmocka_unit_test(test_optional_dependencies),
        cmocka_unit_test(test_crate_model),
        cmocka_unit_test(test_suppression_comments),
        cmocka_unit_test(test_broken_files_are_reported),
        cmocka_unit_test(test_deploy_model),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
