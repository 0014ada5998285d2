/* `lambda-advisor advise`: the guided session's advice, scripted. */
#include "cli.h"
#include "lambda_advisor/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct advise_args {
    struct answer_opts ao;
    const char *format, *output;
    bool force;
};

static int take(void *ud, int id, const char *v)
{
    struct advise_args *a = ud;
    switch (id) {
    case CLI_OPT_FORMAT:
        a->format = v;
        return 1;
    case 'o':
        a->output = v;
        return 1;
    case CLI_OPT_FORCE:
        a->force = true;
        return 1;
    default:
        return answer_opts_take(&a->ao, id, v);
    }
}

int cmd_advise(int argc, char **argv)
{
    struct advise_args a = {.format = "markdown"};
    struct cli_parsed p;
    int rc = cli_parse(cli_command("advise"), argc, argv, &p, take, &a);
    if (rc == EXIT_OK && p.nargs > 0)
        rc = cli_fail("advise: unexpected argument '%s' (answers are given with --answer "
                      "ID=VALUE; see lambda-advisor advise --help)",
                      p.args[0]);
    bool json = strcmp(a.format, "json") == 0;
    if (rc == EXIT_OK && !json && strcmp(a.format, "markdown") != 0)
        rc = cli_fail("advise: unknown format '%s'; valid formats: markdown, json", a.format);
    if (rc != EXIT_OK) {
        answer_opts_finish(&a.ao);
        return rc == CLI_HELP ? EXIT_OK : rc;
    }
    struct answer_opts ao = a.ao;
    const char *output = a.output;
    bool force = a.force;

    struct la_error err = LA_ERROR_INIT;
    struct cli_advice ca;
    struct project_files files = {0};
    struct strbuf out = STRBUF_INIT;
    bool ok = cli_advice_load(&ca, &ao, &err) &&
              project_render(&ca.eng, &ca.adv, NULL, &files, &err) &&
              (json ? report_json(&ca.eng, &ca.adv, &files, &out, &err)
                    : report_markdown(&ca.eng, &ca.adv, &files, &out, &err));
    rc = ok ? cli_write_output(output, sb_str(&out), out.len, force) : cli_fail_error(&err);
    sb_finish(&out);
    project_files_finish(&files);
    cli_advice_finish(&ca);
    la_error_finish(&err);
    answer_opts_finish(&ao);
    return rc;
}
