/* lambda-advisor's entry point: the command table and dispatch. */
#include "../tui/tui.h"
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

/* The guided session, from the answer options (--answers FILE ...): only the rest is asked. */
static int session(int argc, char **argv)
{
    struct answer_opts o = {0};
    bool no_mouse = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--no-mouse") == 0) {
            no_mouse = true;
            continue;
        }
        int r = answer_opts_parse(&o, argc, argv, &i);
        if (r <= 0) {
            answer_opts_finish(&o);
            return r < 0 ? EXIT_USAGE
                         : cli_fail("unknown option '%s' (see lambda-advisor --help)", argv[i]);
        }
    }
    struct tree *t = cli_tree_load();
    if (t == NULL) {
        answer_opts_finish(&o);
        return EXIT_USAGE;
    }
    struct engine e, check;
    engine_init(&e, t);
    struct la_error err = LA_ERROR_INIT;
    int code = EXIT_USAGE;
    /* Every answer given is applied; the walk stops at the first question without one. */
    if (!answer_opts_apply(&o, &e, &err) && !o.defaults) {
        la_error_finish(&err);
        engine_init(&check, t);
        o.defaults = true; /* the answers given were fine if they pass with defaults */
        bool ok = answer_opts_apply(&o, &check, &err);
        engine_finish(&check);
        if (!ok)
            cli_fail_error(&err);
        code = ok ? -1 : EXIT_USAGE;
    } else {
        code = -1;
    }
    if (code < 0) {
        struct tui_opts to = {&e, o.answers_file, no_mouse};
        code = tui_run(t, &to);
    }
    la_error_finish(&err);
    engine_finish(&e);
    tree_destroy(t);
    answer_opts_finish(&o);
    return code;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return session(argc, argv);
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
        return session(argc, argv);
    cli_fail("unknown command '%s'; valid commands: advise, questions, new, scan, check "
             "(see lambda-advisor --help)",
             cmd);
    return EXIT_USAGE;
}
