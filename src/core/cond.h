/* Conditions and expressions over answers and settings (private to the core). */
#ifndef LA_CORE_COND_H
#define LA_CORE_COND_H

#include "lambda_advisor/tree.h"

enum cond_op {
    C_EQ,
    C_NE,
    C_IN,
    C_HAS,
    C_LT,
    C_LE,
    C_GT,
    C_GE,
    C_ASKED,
    C_ALL,
    C_ANY,
    C_NOT,
};

enum ref_kind { REF_QUESTION, REF_SETTING };

struct cond {
    enum cond_op op;
    enum ref_kind rk;
    size_t ref;
    uint64_t set; /* EQ, NE, IN: the accepted value indices; HAS: the value bit */
    long num;     /* comparisons */
    struct cond **kids;
    size_t nkids;
    struct tree_loc loc;
};

enum expr_op { E_NUM, E_REF, E_MIN, E_MAX, E_ADD, E_SUB, E_MUL, E_DIV_CEIL, E_DIV };

struct expr {
    enum expr_op op;
    long num; /* E_NUM: the number, or the value index for a choice setting */
    enum ref_kind rk;
    size_t ref;
    struct expr **args;
    size_t nargs;
    struct tree_loc loc;
};

/* What conditions and expressions see. qvals[i].set is false for questions that are not
 * asked (or not yet answered, for the engine's own use); asked[i] says whether question i
 * is asked. svals holds the settings computed so far. */
struct cond_env {
    const struct tree *tree;
    const struct value *qvals;
    const bool *asked;
    const struct value *svals;
};

bool cond_eval(const struct cond *c, const struct cond_env *env);
long expr_eval(const struct expr *x, const struct cond_env *env);
void cond_free(struct cond *c);
void expr_free(struct expr *x);
/* "workload is one of io, mixed and goals includes latency"; "always" for NULL. */
char *cond_describe(const struct cond *c, const struct tree *t);

#endif
