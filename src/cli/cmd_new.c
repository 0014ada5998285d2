/* `lambda-advisor new`: writes a cargo-lambda project for the advice into a directory. */
#include "cli.h"
#include "lambda_advisor/advice.h"
#include "lambda_advisor/project.h"
#include "lambda_advisor/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help_head[] =
    "usage: lambda-advisor new DIR [--answer ID=VALUE]... [--answers FILE] [--defaults]\n"
    "                          [--ci github] [--name NAME] [--force]\n\n"
    "Writes a cargo-lambda project for the advice into DIR: Cargo.toml, src/main.rs (the\n"
    "handler, with tests), a sample event under events/, a README and, with --ci github, a\n"
    "GitHub Actions workflow. DIR must be empty or missing unless --force. The project is\n"
    "written to a temporary directory next to DIR first, so a failure leaves nothing behind.\n\n";
static const char help_tail[] =
    "  --ci github             add .github/workflows/deploy.yml (cargo-lambda, OIDC role)\n"
    "  --name NAME             the crate name (default: DIR's name, or my-function)\n"
    "  --force                 write into a non-empty DIR, replacing the generated files\n"
    "  -h, --help              show this help\n\n"
    "Example: lambda-advisor new orders --defaults --answer event_source=sqs\n";

int cmd_new(int argc, char **argv)
{
    struct answer_opts ao = {0};
    const char *dir = NULL, *ci = NULL, *name = NULL;
    bool force = false;
    int rc = EXIT_OK;
    for (int i = 1; i < argc && rc == EXIT_OK; i++) {
        int r;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            answer_opts_finish(&ao);
            return cli_answers_help(help_head, help_tail);
        }
        if (strcmp(argv[i], "--force") == 0) {
            force = true;
            continue;
        }
        if (argv[i][0] != '-' || strcmp(argv[i], "-") == 0) {
            if (dir != NULL)
                rc = cli_fail("new: one directory only ('%s' and '%s')", dir, argv[i]);
            dir = argv[i];
            continue;
        }
        if ((r = answer_opts_parse(&ao, argc, argv, &i)) == 0 &&
            (r = cli_opt_value(argc, argv, &i, "--ci", &ci)) == 0 &&
            (r = cli_opt_value(argc, argv, &i, "--name", &name)) == 0)
            rc = cli_fail("new: unknown option '%s' (see lambda-advisor new --help)", argv[i]);
        if (r < 0)
            rc = EXIT_USAGE;
    }
    if (rc == EXIT_OK && dir == NULL)
        rc = cli_fail("new: which directory? (lambda-advisor new DIR ...; see --help)");
    if (rc == EXIT_OK && ci != NULL && strcmp(ci, "github") != 0)
        rc = cli_fail("new: unknown CI '%s'; valid: github", ci);
    if (rc != EXIT_OK) {
        answer_opts_finish(&ao);
        return rc;
    }

    struct la_error err = LA_ERROR_INIT;
    struct cli_advice ca;
    struct project_files files = {0};
    char *dname = name ? NULL : project_default_name(dir);
    struct project_opts opts = {.name = name ? name : dname, .ci = ci};
    bool ok = cli_advice_load(&ca, &ao, &err) &&
              project_render(&ca.eng, &ca.adv, &opts, &files, &err) &&
              project_write(dir, &files, force, &err);
    if (ok)
        printf("wrote %zu files to %s\nnext: cd %s && cargo test && cargo lambda watch\n", files.n,
               dir, dir);
    rc = ok ? EXIT_OK : cli_fail_error(&err);
    project_files_finish(&files);
    cli_advice_finish(&ca);
    la_error_finish(&err);
    answer_opts_finish(&ao);
    free(dname);
    return rc;
}
