/* The decision tree: questions, derived settings and recommendations, as loaded from YAML.
 * See docs/tree-format.md for the file format. A tree is immutable once loaded. */
#ifndef LA_TREE_H
#define LA_TREE_H

#include "lambda_advisor/error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A place in a source file (1-based). file points into the tree's own storage. */
struct tree_loc {
    const char *file;
    int line;
    int col;
};

enum q_kind { Q_CHOICE, Q_MULTI, Q_NUMBER, Q_YESNO };

#define TREE_MAX_CHOICES 64 /* multi-choice answers are bitmasks */

struct choice {
    char *value;
    char *label;
    char *help; /* may be NULL */
    struct tree_loc loc;
};

/* A value of a question or a setting. Choice and yes/no: index into choices; multi: bitmask
 * over choices; number: num. */
struct value {
    bool set;
    int choice;
    uint64_t mask;
    long num;
};

struct cond;
struct expr;

struct question {
    char *id;
    enum q_kind kind;
    char *prompt;
    char *help;             /* Markdown, may be NULL */
    char *unit;             /* number only, may be NULL */
    struct choice *choices; /* choice, multi and yesno (yes is 0, no is 1) */
    size_t nchoices;
    long min, max;     /* number only */
    struct value def;  /* always set */
    struct cond *when; /* NULL: always asked */
    struct tree_loc loc;
};

enum setting_kind { S_CHOICE, S_NUMBER };

struct setting_rule {
    struct cond *when; /* NULL: always */
    struct expr *value;
    char *why; /* Markdown, may be NULL */
    struct tree_loc loc;
};

struct setting {
    char *id;
    enum setting_kind kind;
    char *title;
    char *unit;            /* may be NULL */
    struct choice *values; /* S_CHOICE: the allowed values (label = value unless given) */
    size_t nvalues;
    struct setting_rule *rules;
    size_t nrules;     /* the last rule has no condition */
    struct cond *when; /* NULL: always shown; else shown in reports only when it holds */
    int decimals;      /* number only: the value counts 10^-decimals ("17" is 1.7 for 1) */
    bool hidden;       /* never shown in reports; names in bodies and templates only */
    struct tree_loc loc;
};

struct category {
    char *id;
    char *title;
    struct tree_loc loc;
};

struct recommendation {
    char *id;
    size_t category; /* index into tree->categories */
    int priority;    /* 1 comes first */
    char *title;
    char *body; /* Markdown; {{name}} refers to answers and settings (see advice_context) */
    struct cond *when;
    struct tree_loc loc;
};

struct tree {
    char **files; /* the names of the files it was loaded from */
    size_t nfiles;
    struct question *questions;
    size_t nquestions;
    struct setting *settings;
    size_t nsettings;
    struct category *categories;
    size_t ncategories;
    struct recommendation *recs;
    size_t nrecs;
};

/* Loads and validates a tree from one or more YAML files (later files add questions,
 * settings, categories and recommendations; ids must stay unique). On failure returns NULL
 * and fills err with file:line:col and what would be valid. */
struct tree *tree_load_files(const char *const *paths, size_t npaths, struct la_error *err);
/* The same from memory; name is used in error messages. */
struct tree *tree_load_buffers(const char *const *names, const char *const *bufs,
                               const size_t *lens, size_t n, struct la_error *err);
/* The shipped tree (embedded, or LAMBDA_ADVISOR_DATA). */
struct tree *tree_load_default(struct la_error *err);
void tree_destroy(struct tree *t);

const struct question *tree_question(const struct tree *t, const char *id);
const struct setting *tree_setting(const struct tree *t, const char *id);
/* Index of a choice value in q, or -1. */
int question_choice(const struct question *q, const char *value);
int setting_value(const struct setting *s, const char *value);

/* Parses a textual answer ("io", "yes", "1024", "http,s3" for multi) for q. */
bool question_parse_value(const struct question *q, const char *text, struct value *out,
                          struct la_error *err);
/* The textual form of an answer ("http,s3" for multi); the caller frees it. */
char *question_format_value(const struct question *q, const struct value *v);
/* "io, cpu, mixed" or "a number from 128 to 10240": for error messages. */
char *question_valid_values(const struct question *q);
const char *question_kind_name(enum q_kind k);
/* When q is asked, in words ("workload is one of io, mixed"; "always"). Caller frees. */
char *tree_question_when(const struct tree *t, const struct question *q);

#endif
