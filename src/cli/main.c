/* lambda-advisor's entry point: the command table and dispatch. */
#include "cli.h"
#include "la_config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct command {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"advise", cmd_advise, "print the advice for given answers (Markdown or JSON)"},
    {"questions", cmd_questions, "list every question id, its kind, values and when it is asked"},
    {"new", cmd_new, "write a new cargo-lambda project for given answers"},
    {"scan", cmd_scan, "scan Rust crates and deploy configs for Lambda pitfalls"},
    {"check", cmd_check, "validate decision-tree, rule and template files"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: lambda-advisor [COMMAND] [OPTIONS]\n\n"
               "Advice for AWS Lambda functions written in Rust: the concurrency pattern, the\n"
               "settings and a handler that compiles, from a few questions about the function.\n\n"
               "Without a command, starts the guided session (needs a terminal).\n\n"
               "Commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nOptions:\n"
               "  -h, --help     show this help (COMMAND --help for a command's)\n"
               "  -V, --version  show the version\n\n"
               "Exit codes: 0 success, 1 scan findings, 2 usage error or bad input.\n");
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
    if (argc < 2)
        return tui_main(argc, argv);
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
        printf("lambda-advisor %s\n", LA_VERSION);
        return EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].fn(argc - 1, argv + 1);
    if (cmd[0] == '-')
        return tui_main(argc, argv);
    cli_fail("unknown command '%s'; valid commands: advise, questions, new, scan, check "
             "(see lambda-advisor --help)",
             cmd);
    return EXIT_USAGE;
}
