/* Pitfall rules as data: loaded from YAML (decision-trees/rules*.yaml, --rules files, the
 * rule files a project's .lambda-advisor.yaml names), each PCRE2 pattern compiled once and
 * JIT-compiled. The format is described at the top of decision-trees/rules.yaml. */
#ifndef LA_RULES_H
#define LA_RULES_H

#include "lambda_advisor/error.h"
#include "lambda_advisor/scan.h"

#include <stdbool.h>
#include <stddef.h>

struct pcre2_real_code_8;

/* Structural checks that a regex cannot express; `check: NAME` in a rule file. */
enum rule_check {
    RC_PATTERN,           /* the rule's own regex */
    RC_SEQUENTIAL_AWAITS, /* consecutive independent `let x = ...await` statements */
    RC_AWAIT_IN_LOOP,     /* `.await` in a loop body */
    RC_NO_TESTS,          /* a Lambda crate with no tests */
    RC_NO_TRACING,        /* a Lambda crate that never initialises a log/tracing subscriber */
    RC_CONFIG,            /* Cargo.toml / deploy-config checks (src/scan/config/) */
};

/* Where a match counts. Test code never counts. */
enum rule_scope {
    RS_CODE,            /* anywhere in non-test code */
    RS_ASYNC,           /* async code, not in main, start-up code or spawn_blocking closures */
    RS_NOT_MAIN,        /* in a fn or async block, outside main, start-up code and factories */
    RS_HANDLER,         /* as not-main, and not in a fn that builds a client/config/pool/Self */
    RS_ASYNC_OR_LAMBDA, /* async code, or any code of a Lambda crate */
};

enum { RK_RUST = 1, RK_CARGO = 2, RK_DEPLOY = 4 };

struct rule {
    char *id;
    enum severity severity;
    enum rule_check check;
    enum rule_scope scope;
    bool lambda_only; /* `crate: lambda`: only in crates that depend on lambda_runtime/_http */
    bool not_awaited; /* drop matches whose call is followed by `.await` (tokio::fs, ...) */
    unsigned kinds;   /* RK_* */
    char *pattern;
    struct pcre2_real_code_8 *re;
    char **prefilter; /* literals, one of which must occur in the file for the rule to run */
    size_t nprefilter;
    char *unless_file; /* a file matching this regex (anywhere) is exempt */
    struct pcre2_real_code_8 *unless_re;
    char *title, *message, *fix, *help, *recommendation; /* fix, help, title may be NULL */
    char *file;                                          /* where the rule was defined */
    int line, col;
    bool disabled;
};

struct ruleset {
    struct rule *v;
    size_t n, cap;
};

/* Adds the rules of one YAML file (name is used in errors). Rejects unknown keys, missing
 * fields, bad values, duplicate ids and patterns PCRE2 refuses (with its message and the
 * place of the offending byte). On failure the set is left as it was. */
bool rules_load_buffer(struct ruleset *rs, const char *name, const char *buf, size_t len,
                       struct la_error *err);
bool rules_load_file(struct ruleset *rs, const char *path, struct la_error *err);
/* Every shipped decision-trees/rules*.yaml. */
bool rules_load_default(struct ruleset *rs, struct la_error *err);
/* Applies a project config (.lambda-advisor.yaml): `rules:` extra rule files (relative to
 * the config's directory), `disable:` rule ids, `severity:` a map from rule id to level. */
bool rules_apply_config(struct ruleset *rs, const char *path, struct la_error *err);
/* For `check`: true when path is a valid rule file on its own. */
bool rules_validate_file(const char *path, struct la_error *err);
/* True when the YAML text looks like a rule file (a mapping with a `rules` key). */
bool rules_is_rule_file(const char *buf, size_t len);
struct rule *rules_find(const struct ruleset *rs, const char *id);
void rules_finish(struct ruleset *rs);
bool severity_parse(const char *s, enum severity *out);

#endif
