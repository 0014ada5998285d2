/* lambda-advisor's entry point: the options every command shares, then dispatch through
 * the command table (commands.c); with no command, the guided session. */
#include "../tui/tui.h"
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
               "Without a command, starts the guided session (needs a terminal); it takes the\n"
               "answer options of advise (--answers FILE, --answer ID=VALUE, --defaults: only\n"
               "the rest is asked) and --no-mouse.\n\n"
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

struct session_args {
    struct answer_opts o;
    bool no_mouse;
};

static int take_session(void *ud, int id, const char *v)
{
    struct session_args *sa = ud;
    if (id == CLI_OPT_NO_MOUSE) {
        sa->no_mouse = true;
        return 1;
    }
    return answer_opts_take(&sa->o, id, v);
}

/* The guided session, from the answer options (--answers FILE ...): only the rest is asked. */
static int session(int argc, char **argv)
{
    struct session_args sa = {{0}, false};
    struct cli_parsed p;
    int rc = cli_parse(&cli_session, argc, argv, &p, take_session, &sa);
    if (rc != EXIT_OK || p.nargs > 0) {
        answer_opts_finish(&sa.o);
        if (rc == EXIT_OK)
            return cli_fail("the guided session takes no operand ('%s'); commands come "
                            "before their options (see lambda-advisor --help)",
                            p.args[0]);
        return rc == CLI_HELP ? EXIT_OK : rc;
    }
    struct answer_opts o = sa.o;
    bool no_mouse = sa.no_mouse;
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
            break; /* the session's own options: --answers FILE, --answer, --no-mouse ... */
    }
    if (i == argc || argv[i][0] == '-') {
        if (cli_g.verbose)
            cli_print_layers();
        if (strcmp(cli_g.color, "never") == 0) /* the session follows NO_COLOR */
            setenv("NO_COLOR", "1", 1);
        return session(argc - i + 1, argv + i - 1);
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
