/* Shared by the command-line front ends: exit codes, option helpers, output. */
#ifndef LA_CLI_H
#define LA_CLI_H

#include "lambda_advisor/advice.h"
#include "lambda_advisor/error.h"

#include <stdbool.h>
#include <stdio.h>

/* Exit codes fixed by the product contract. */
enum { EXIT_OK = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

/* The shipped tree, or NULL after printing why (the caller returns EXIT_USAGE). */
struct tree *cli_tree_load(void);
/* Prints a command's help: head, the answer options, tail. Returns EXIT_OK. */
int cli_answers_help(const char *head, const char *tail);

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

/* If argv[*i] is an answer option (--answer, --answers, --defaults), consumes it (and its
 * argument) and returns 1; returns 0 if it is not one; -1 on a usage error (printed). */
int answer_opts_parse(struct answer_opts *o, int argc, char **argv, int *i);
void answer_opts_finish(struct answer_opts *o);
/* Applies the answers to a fresh engine: the file first, then --answer, walking the tree in
 * order. Missing answers are an error naming the question and its valid values unless
 * --defaults. Answers to questions left unasked warn on stderr. Returns false with err. */
bool answer_opts_apply(const struct answer_opts *o, struct engine *e, struct la_error *err);
extern const char answer_opts_help[];

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

/* Matches "--name VALUE" and "--name=VALUE"; on a match stores VALUE, advances *i and returns
 * 1; 0 for no match; -1 when the value is missing (printed). */
int cli_opt_value(int argc, char **argv, int *i, const char *name, const char **value);

int cmd_advise(int argc, char **argv);
int cmd_questions(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_scan(int argc, char **argv);

#endif
