/* lambda-advisor's entry point: the options every command shares, then dispatch through
 * the command table (commands.c). */
#include "cli.h"
#include "la_config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(FILE *f)
{
    fprintf(f, "usage: lambda-advisor [OPTIONS] [COMMAND] [COMMAND OPTIONS]\n\n"
               "Advice for AWS Lambda functions written in Rust: the concurrency pattern, the\n"
               "settings and a handler that compiles, from a few questions about the function;\n"
               "and a scan of a crate for the common Lambda pitfalls.\n\n"
               "Without a command, starts the guided session (needs a terminal).\n\n"
               "Commands:\n");
    for (const struct cli_command *c = cli_commands; c->name; c++)
        fprintf(f, "  %-12s %s\n", c->name, c->summary);
    fprintf(f, "\nOptions (also accepted after a command):\n"
               "  -h, --help          show this help (COMMAND --help for a command's)\n"
               "  -V, --version       show the version\n"
               "      --color WHEN    colours: auto (a terminal, no NO_COLOR), always, never\n"
               "  -q, --quiet         no summaries, notes, progress or ok lines\n"
               "  -v, --verbose       say where the knowledge comes from\n\n"
               "Environment: NO_COLOR (no colours), LAMBDA_ADVISOR_DATA (read the shipped\n"
               "knowledge from a directory), XDG_CONFIG_HOME (the user's knowledge in\n"
               "$XDG_CONFIG_HOME/lambda-advisor/).\n\n"
               "Exit codes: 0 success, 1 scan findings, 2 usage error or bad input.\n"
               "See lambda-advisor(1) and lambda-advisor-rules(5).\n");
}

int cli_fail(const char *fmt, ...)
{
    va_list ap;
    fputs("lambda-advisor: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return EXIT_USAGE;
}

int cli_fail_error(const struct la_error *err)
{
    char *s = la_error_format(err);
    fprintf(stderr, "lambda-advisor: %s\n", s);
    free(s);
    return EXIT_USAGE;
}

int main(int argc, char **argv)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return EXIT_OK;
        }
        if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("lambda-advisor %s\n", LA_VERSION);
            return EXIT_OK;
        }
        if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0)
            cli_g.quiet = true;
        else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0)
            cli_g.verbose = true;
        else if (strncmp(a, "--color=", 8) == 0) {
            if (!cli_set_color(a + 8))
                return EXIT_USAGE;
        } else if (strcmp(a, "--color") == 0 && i + 1 < argc) {
            if (!cli_set_color(argv[++i]))
                return EXIT_USAGE;
        } else
            return cli_fail("unknown option '%s' (see lambda-advisor --help)", a);
    }
    if (i == argc) {
        if (cli_g.verbose)
            cli_print_layers();
        if (strcmp(cli_g.color, "never") == 0) /* the session follows NO_COLOR */
            setenv("NO_COLOR", "1", 1);
        return tui_main(1, argv);
    }
    const char *cmd = argv[i];
    if (strcmp(cmd, "help") == 0) {
        const struct cli_command *c = i + 1 < argc ? cli_command(argv[i + 1]) : NULL;
        if (c)
            cli_help(c, stdout);
        else
            usage(stdout);
        return EXIT_OK;
    }
    const struct cli_command *c = cli_command(cmd);
    if (c)
        return c->fn(argc - i, argv + i);
    fprintf(stderr, "lambda-advisor: unknown command '%s'; valid commands: ", cmd);
    for (const struct cli_command *k = cli_commands; k->name; k++)
        fprintf(stderr, "%s%s", k == cli_commands ? "" : ", ", k->name);
    fputs(" (see lambda-advisor --help)\n", stderr);
    return EXIT_USAGE;
}
