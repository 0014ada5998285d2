/* Evaluating conditions and expressions. */
#include "cond.h"

#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"

#include <limits.h>
#include <stdlib.h>

static const struct value *ref_value(enum ref_kind rk, size_t ref, const struct cond_env *env)
{
    return rk == REF_QUESTION ? &env->qvals[ref] : &env->svals[ref];
}

static bool is_multi(enum ref_kind rk, size_t ref, const struct cond_env *env)
{
    return rk == REF_QUESTION && env->tree->questions[ref].kind == Q_MULTI;
}

bool cond_eval(const struct cond *c, const struct cond_env *env)
{
    const struct value *v;
    switch (c->op) {
    case C_EQ:
    case C_IN:
    case C_NE: {
        v = ref_value(c->rk, c->ref, env);
        bool in = v->set && !is_multi(c->rk, c->ref, env) && v->choice >= 0 && v->choice < 64 &&
                  (c->set >> v->choice) & 1;
        return c->op == C_NE ? !in : in;
    }
    case C_HAS:
        v = ref_value(c->rk, c->ref, env);
        return v->set && (v->mask & c->set) != 0;
    case C_LT:
    case C_LE:
    case C_GT:
    case C_GE:
        v = ref_value(c->rk, c->ref, env);
        if (!v->set)
            return false;
        switch (c->op) {
        case C_LT:
            return v->num < c->num;
        case C_LE:
            return v->num <= c->num;
        case C_GT:
            return v->num > c->num;
        default:
            return v->num >= c->num;
        }
    case C_ASKED:
        return env->asked[c->ref];
    case C_ALL:
        for (size_t i = 0; i < c->nkids; i++)
            if (!cond_eval(c->kids[i], env))
                return false;
        return true;
    case C_ANY:
        for (size_t i = 0; i < c->nkids; i++)
            if (cond_eval(c->kids[i], env))
                return true;
        return false;
    case C_NOT:
        return !cond_eval(c->kids[0], env);
    }
    return false;
}

/* Saturating arithmetic: a tree can write any numbers; results stay in range. */
static long sat(long long x)
{
    return x > LONG_MAX ? LONG_MAX : x < LONG_MIN ? LONG_MIN : (long)x;
}

static long sat_add(long a, long b)
{
    long r;
    return __builtin_add_overflow(a, b, &r) ? (b > 0 ? LONG_MAX : LONG_MIN) : r;
}

static long sat_mul(long a, long b)
{
    long r;
    return __builtin_mul_overflow(a, b, &r) ? ((a < 0) != (b < 0) ? LONG_MIN : LONG_MAX) : r;
}

long expr_eval(const struct expr *x, const struct cond_env *env)
{
    switch (x->op) {
    case E_NUM:
        return x->num;
    case E_REF: {
        if (x->rk == REF_SETTING)
            return env->svals[x->ref].num;
        const struct value *v = &env->qvals[x->ref];
        return v->set ? v->num : env->tree->questions[x->ref].def.num;
    }
    case E_MIN:
    case E_MAX: {
        long r = expr_eval(x->args[0], env);
        for (size_t i = 1; i < x->nargs; i++) {
            long a = expr_eval(x->args[i], env);
            if (x->op == E_MIN ? a < r : a > r)
                r = a;
        }
        return r;
    }
    case E_ADD:
    case E_MUL: {
        long r = expr_eval(x->args[0], env);
        for (size_t i = 1; i < x->nargs; i++) {
            long a = expr_eval(x->args[i], env);
            r = x->op == E_ADD ? sat_add(r, a) : sat_mul(r, a);
        }
        return r;
    }
    case E_SUB: {
        long a = expr_eval(x->args[0], env), b = expr_eval(x->args[1], env);
        return b == LONG_MIN ? sat_add(sat_add(a, LONG_MAX), 1) : sat_add(a, -b);
    }
    case E_DIV_CEIL: {
        long a = expr_eval(x->args[0], env), b = expr_eval(x->args[1], env);
        if (b <= 0)
            return a;
        long long q = (long long)a / b;
        if ((long long)a % b > 0)
            q++;
        return sat(q);
    }
    case E_DIV: {
        long a = expr_eval(x->args[0], env), b = expr_eval(x->args[1], env);
        if (b <= 0)
            return a;
        long long q = (long long)a / b;
        if ((long long)a % b < 0)
            q--;
        return sat(q);
    }
    }
    return 0;
}

void cond_free(struct cond *c)
{
    if (c == NULL)
        return;
    for (size_t i = 0; i < c->nkids; i++)
        cond_free(c->kids[i]);
    free(c->kids);
    free(c);
}

void expr_free(struct expr *x)
{
    if (x == NULL)
        return;
    for (size_t i = 0; i < x->nargs; i++)
        expr_free(x->args[i]);
    free(x->args);
    free(x);
}

static const char *ref_name(const struct tree *t, enum ref_kind rk, size_t ref)
{
    return rk == REF_QUESTION ? t->questions[ref].id : t->settings[ref].id;
}

static const struct choice *ref_choices(const struct tree *t, enum ref_kind rk, size_t ref,
                                        size_t *n)
{
    if (rk == REF_QUESTION) {
        *n = t->questions[ref].nchoices;
        return t->questions[ref].choices;
    }
    *n = t->settings[ref].nvalues;
    return t->settings[ref].values;
}

static void describe(const struct cond *c, const struct tree *t, struct strbuf *sb, bool nested)
{
    static const char *const cmp[] = {[C_LT] = "<", [C_LE] = "<=", [C_GT] = ">", [C_GE] = ">="};
    size_t n;
    const struct choice *ch;
    switch (c->op) {
    case C_EQ:
    case C_NE:
    case C_IN: {
        ch = ref_choices(t, c->rk, c->ref, &n);
        size_t count = 0;
        for (size_t i = 0; i < n; i++)
            count += (c->set >> i) & 1;
        sb_addf(sb, "%s %s ", ref_name(t, c->rk, c->ref),
                c->op == C_NE ? "is not"
                : count > 1   ? "is one of"
                              : "is");
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if ((c->set >> i) & 1)
                sb_addf(sb, "%s%s", k++ ? ", " : "", ch[i].value);
        break;
    }
    case C_HAS:
        ch = ref_choices(t, c->rk, c->ref, &n);
        for (size_t i = 0; i < n; i++)
            if ((c->set >> i) & 1)
                sb_addf(sb, "%s includes %s", ref_name(t, c->rk, c->ref), ch[i].value);
        break;
    case C_LT:
    case C_LE:
    case C_GT:
    case C_GE:
        sb_addf(sb, "%s %s %ld", ref_name(t, c->rk, c->ref), cmp[c->op], c->num);
        break;
    case C_ASKED:
        sb_addf(sb, "%s is asked", ref_name(t, c->rk, c->ref));
        break;
    case C_NOT:
        sb_adds(sb, "not (");
        describe(c->kids[0], t, sb, false);
        sb_adds(sb, ")");
        break;
    case C_ALL:
    case C_ANY:
        if (nested)
            sb_addc(sb, '(');
        for (size_t i = 0; i < c->nkids; i++) {
            if (i)
                sb_adds(sb, c->op == C_ALL ? " and " : " or ");
            describe(c->kids[i], t, sb, true);
        }
        if (nested)
            sb_addc(sb, ')');
        break;
    }
}

char *cond_describe(const struct cond *c, const struct tree *t)
{
    if (c == NULL)
        return xstrdup("always");
    struct strbuf sb = STRBUF_INIT;
    describe(c, t, &sb, false);
    return sb_detach(&sb);
}

char *tree_question_when(const struct tree *t, const struct question *q)
{
    return cond_describe(q->when, t);
}
