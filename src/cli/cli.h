/* Shared by the command-line front ends: exit codes, option helpers, output. */
#ifndef LA_CLI_H
#define LA_CLI_H

#include "lambda_advisor/advice.h"
#include "lambda_advisor/error.h"

#include <stdbool.h>
#include <stdio.h>

/* Exit codes fixed by the product contract. */
enum { EXIT_OK = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

struct strbuf;

/* One option of a command. The table drives getopt_long, --help, the man page check and
 * the shell completions. */
struct cli_opt {
    int id;          /* what the parser returns: the short letter, or a CLI_OPT_* value */
    int shrt;        /* the short letter, or 0 */
    const char *lng; /* the long name, without "--"; NULL ends a table */
    const char *arg; /* the value's placeholder ("FILE"), or NULL for a flag */
    /* what the value may be, for help and completion: "a|b|c", or "@file", "@dir",
     * "@answer" (ID=VALUE), "@none" (free text); NULL with arg means "@file" */
    const char *values;
    const char *help; /* may hold '\n' for more lines */
};

/* Ids of long-only options (short options use their letter). */
enum {
    CLI_OPT_COLOR = 256,
    CLI_OPT_ANSWER,
    CLI_OPT_ANSWERS,
    CLI_OPT_DEFAULTS,
    CLI_OPT_FORMAT,
    CLI_OPT_FORCE,
    CLI_OPT_CI,
    CLI_OPT_NAME,
    CLI_OPT_FAIL_ON,
    CLI_OPT_RULES,
    CLI_OPT_CONFIG,
    CLI_OPT_MAX_FILESIZE,
    CLI_OPT_LIST_RULES,
    CLI_OPT_IDS,
    CLI_OPT_VALUES,
    CLI_OPT_NO_MOUSE,
};

/* Every command takes these. */
/* clang-format off */
#define CLI_COMMON_OPTS \
    {CLI_OPT_COLOR, 0, "color", "WHEN", "auto|always|never", \
     "colours: auto (a terminal, no NO_COLOR), always, never"}, \
    {'q', 'q', "quiet", NULL, NULL, "no summaries, notes, progress or ok lines; errors still print"}, \
    {'v', 'v', "verbose", NULL, NULL, "say where the knowledge comes from"}, \
    {'h', 'h', "help", NULL, NULL, "show this help"}, \
    {'V', 'V', "version", NULL, NULL, "show the version"}, \
    {0, 0, NULL, NULL, NULL, NULL}
/* clang-format on */

struct cli_command {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *summary;  /* one line, for lambda-advisor --help */
    const char *args;     /* operands in the usage line ("[PATH...]"), or NULL */
    const char *operands; /* what operands are, for completion: as cli_opt.values */
    const char *desc;     /* the help text's paragraphs before the options */
    const struct cli_opt *opts;
    const char *epilog; /* after the options, or NULL */
};
extern const struct cli_command cli_commands[]; /* ends with a NULL name */
/* The guided session's options (no command): the answers to start from, --no-mouse. */
extern const struct cli_command cli_session;

/* Options every command shares, also accepted before the command. */
struct cli_globals {
    const char *color; /* auto, always, never */
    bool quiet, verbose;
};
extern struct cli_globals cli_g;
bool cli_set_color(const char *v); /* false after printing why */
/* Whether to colour what goes to f: --color, then NO_COLOR and whether f is a terminal. */
bool cli_use_color(FILE *f);

/* The operands left after the options. */
struct cli_parsed {
    const char **args;
    size_t nargs;
};
enum { CLI_HELP = -1 }; /* cli_parse printed the help: the command returns EXIT_OK */

/* Parses argv (argv[0] is the command name) with getopt_long, GNU style: options and
 * operands in any order, "--" ends the options, -oFILE, -j8, --opt=value and unambiguous
 * abbreviations. The common options are handled here; every other option is passed to
 * take(ud, id, value), which returns -1 after printing a usage error. Returns EXIT_OK,
 * EXIT_USAGE (printed) or CLI_HELP. */
int cli_parse(const struct cli_command *c, int argc, char **argv, struct cli_parsed *out,
              int (*take)(void *ud, int id, const char *arg), void *ud);
void cli_help(const struct cli_command *c, FILE *f);
const struct cli_command *cli_command(const char *name);
/* The bash, zsh or fish completion script; false for another shell. */
bool cli_completions(const char *shell, struct strbuf *sb);

/* The shipped tree, or NULL after printing why (the caller returns EXIT_USAGE). */
struct tree *cli_tree_load(void);

/* Prints "lambda-advisor: " + message to stderr; returns EXIT_USAGE. */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints a located error (file:line:col: message) to stderr; returns EXIT_USAGE. */
int cli_fail_error(const struct la_error *err);

/* Answer options shared by `advise` and `new`. */
struct answer_opts {
    const char **answers; /* "ID=VALUE" strings, in order */
    size_t nanswers;
    const char *answers_file;
    bool defaults;
};

/* The answer options' table entries (advise and new). */
#define ANSWER_OPTS                                                                                \
    {CLI_OPT_ANSWER, 0,         "answer",                                                          \
     "ID=VALUE",     "@answer", "answer question ID (repeatable; multi-choice: VALUE,VALUE)"},     \
        {CLI_OPT_ANSWERS,                                                                          \
         0,                                                                                        \
         "answers",                                                                                \
         "FILE",                                                                                   \
         "@file",                                                                                  \
         "YAML mapping of question id to value (or list of values);\n--answer overrides it"},      \
    {                                                                                              \
        CLI_OPT_DEFAULTS, 0, "defaults", NULL, NULL,                                               \
            "use each unanswered question's default instead of failing"                            \
    }
/* Takes an answer option; 1 when id is one, 0 when not, -1 on a usage error (printed). */
int answer_opts_take(struct answer_opts *o, int id, const char *arg);
void answer_opts_finish(struct answer_opts *o);
/* Applies the answers to a fresh engine: the file first, then --answer, walking the tree in
 * order. Missing answers are an error naming the question and its valid values unless
 * --defaults. Answers to questions left unasked warn on stderr. Returns false with err. */
bool answer_opts_apply(const struct answer_opts *o, struct engine *e, struct la_error *err);

/* The advice for a command's answers: the shipped tree, an engine holding the answers, and
 * what they advise. Shared by `advise` and `new`. */
struct cli_advice {
    struct tree *tree;
    struct engine eng;
    struct advice adv;
};

/* Loads the tree, applies the answers and computes the advice; on failure fills err and
 * leaves ca safe to finish. */
bool cli_advice_load(struct cli_advice *ca, const struct answer_opts *o, struct la_error *err);
void cli_advice_finish(struct cli_advice *ca);

/* Writes data to path (atomically, refusing to overwrite without force), or to stdout when
 * path is NULL or "-". Returns an exit code. */
int cli_write_output(const char *path, const char *data, size_t len, bool force);

struct ruleset;
/* For check: every rule has an explanation (decision-trees/explain/RULE.md) and every
 * explanation a rule; every rule's recommendation is in the tree. Prints each problem and
 * returns how many; *nexpl: the explanations seen. */
size_t cli_check_explanations(const struct ruleset *rs, size_t *nexpl);
char *cli_explain_path(const char *rule);
/* An explanation's shape ("# RULE: title", "## Before", "## After", fenced examples); prints
 * the first problem as name:line:1 and returns false. */
bool cli_check_explanation(const char *name, const char *id, const char *md);
/* With --verbose: where the knowledge comes from, in order of precedence (stderr). */
void cli_print_layers(void);

int cmd_advise(int argc, char **argv);
int cmd_questions(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_scan(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_completions(int argc, char **argv);

#endif
