/* `lambda-advisor advise`: the guided session's advice, scripted. */
#include "cli.h"
#include "lambda_advisor/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help_head[] =
    "usage: lambda-advisor advise [--answer ID=VALUE]... [--answers FILE] [--defaults]\n"
    "                             [--format markdown|json] [-o FILE] [--force]\n\n"
    "Prints the advice the guided session gives for these answers: the concurrency pattern,\n"
    "the settings, the recommendations and the handler code. Same answers, same bytes.\n\n";
static const char help_tail[] =
    "  --format markdown|json  output format (default: markdown)\n"
    "  -o, --output FILE       write to FILE (atomically) instead of standard output\n"
    "  --force                 overwrite FILE if it exists\n"
    "  -h, --help              show this help\n\n"
    "Example: lambda-advisor advise --defaults --answer workload=cpu --answer "
    "goals=latency,cost\n";

int cmd_advise(int argc, char **argv)
{
    struct answer_opts ao = {0};
    const char *format = "markdown", *output = NULL;
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
        if ((r = answer_opts_parse(&ao, argc, argv, &i)) == 0 &&
            (r = cli_opt_value(argc, argv, &i, "--format", &format)) == 0 &&
            (r = cli_opt_value(argc, argv, &i, "--output", &output)) == 0 &&
            (r = cli_opt_value(argc, argv, &i, "-o", &output)) == 0)
            rc =
                cli_fail("advise: unknown option '%s' (see lambda-advisor advise --help)", argv[i]);
        if (r < 0)
            rc = EXIT_USAGE;
    }
    bool json = format && strcmp(format, "json") == 0;
    if (rc == EXIT_OK && !json && strcmp(format, "markdown") != 0)
        rc = cli_fail("advise: unknown format '%s'; valid formats: markdown, json", format);
    if (rc != EXIT_OK) {
        answer_opts_finish(&ao);
        return rc;
    }

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
