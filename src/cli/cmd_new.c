/* `lambda-advisor new`: writes a cargo-lambda project for the advice into a directory. */
#include "cli.h"
#include "lambda_advisor/advice.h"
#include "lambda_advisor/project.h"
#include "lambda_advisor/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct new_args {
    struct answer_opts ao;
    const char *ci, *name;
    bool force;
};

static int take(void *ud, int id, const char *v)
{
    struct new_args *a = ud;
    switch (id) {
    case CLI_OPT_CI:
        a->ci = v;
        return 1;
    case CLI_OPT_NAME:
        a->name = v;
        return 1;
    case CLI_OPT_FORCE:
        a->force = true;
        return 1;
    default:
        return answer_opts_take(&a->ao, id, v);
    }
}

int cmd_new(int argc, char **argv)
{
    struct new_args a = {0};
    struct cli_parsed p;
    int rc = cli_parse(cli_command("new"), argc, argv, &p, take, &a);
    const char *dir = rc == EXIT_OK && p.nargs ? p.args[0] : NULL;
    if (rc == EXIT_OK && p.nargs > 1)
        rc = cli_fail("new: one directory only ('%s' and '%s')", p.args[0], p.args[1]);
    if (rc == EXIT_OK && dir == NULL)
        rc = cli_fail("new: which directory? (lambda-advisor new DIR ...; see --help)");
    if (rc == EXIT_OK && a.ci != NULL && strcmp(a.ci, "github") != 0)
        rc = cli_fail("new: unknown CI '%s'; valid: github", a.ci);
    if (rc != EXIT_OK) {
        answer_opts_finish(&a.ao);
        return rc == CLI_HELP ? EXIT_OK : rc;
    }
    struct answer_opts ao = a.ao;
    const char *ci = a.ci, *name = a.name;
    bool force = a.force;

    struct la_error err = LA_ERROR_INIT;
    struct cli_advice ca;
    struct project_files files = {0};
    char *dname = name ? NULL : project_default_name(dir);
    struct project_opts opts = {.name = name ? name : dname, .ci = ci};
    bool ok = cli_advice_load(&ca, &ao, &err) &&
              project_render(&ca.eng, &ca.adv, &opts, &files, &err) &&
              project_write(dir, &files, force, &err);
    if (ok && !cli_g.quiet)
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
