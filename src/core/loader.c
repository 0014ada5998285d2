/* Loading and validating decision trees from YAML (format: docs/tree-format.md). */
#include "cond.h"
#include "lambda_advisor/data.h"
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/strmap.h"
#include "lambda_advisor/xalloc.h"
#include "lambda_advisor/ynode.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILE_SIZE (16u << 20)
/* The reachability check tries every combination of the values a condition tests, up to
 * MAX_SAT_COMBOS combinations and MAX_SAT_WORK condition nodes evaluated in all; a larger
 * condition is not checked (docs/tree-format.md, "Limits"). */
#define MAX_SAT_COMBOS ((size_t)1 << 16)
#define MAX_SAT_WORK   ((size_t)1 << 24)

/* A list item of a top-level section, with the file it came from. */
struct item {
    const struct ynode *n;
    const char *file;
};

struct items {
    struct item *v;
    size_t n, cap;
};

struct loader {
    struct tree *t;
    struct la_error *err;
    struct items categories, questions, settings, recs;
    struct strmap qmap, smap, cmap, rmap; /* id -> index, so that loading stays linear */
};

/* Which names a condition may refer to: questions before nq, settings before ns. */
struct scope {
    size_t nq;
    size_t ns;
    bool settings;    /* whether settings may be used at all */
    const char *what; /* "a question's condition", ... for messages */
};

static bool failv(struct loader *L, const char *file, const struct ynode *n, const char *fmt,
                  va_list ap)
{
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    return la_error_set(L->err, file, n ? n->line : 0, n ? n->col : 0, "%s", buf);
}

static bool fail(struct loader *L, const char *file, const struct ynode *n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static bool fail(struct loader *L, const char *file, const struct ynode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    failv(L, file, n, fmt, ap);
    va_end(ap);
    return false;
}

static struct tree_loc loc_of(const char *file, const struct ynode *n)
{
    return (struct tree_loc){file, n->line, n->col};
}

static char *join(const char *const *names)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; names[i]; i++) {
        if (i)
            sb_adds(&sb, ", ");
        sb_adds(&sb, names[i]);
    }
    return sb_detach(&sb);
}

static bool expect_kind(struct loader *L, const char *file, const struct ynode *n,
                        enum ynode_kind k, const char *what)
{
    if (n->kind == k)
        return true;
    return fail(L, file, n, "%s must be %s, not %s", what, ynode_kind_name(k),
                ynode_kind_name(n->kind));
}

/* Every key of map must be in allowed (NULL-terminated). */
static bool check_keys(struct loader *L, const char *file, const struct ynode *map,
                       const char *what, const char *const *allowed)
{
    for (size_t i = 0; i + 1 < map->nkids; i += 2) {
        const struct ynode *k = map->kids[i];
        if (k->kind != YN_SCALAR)
            return fail(L, file, k, "keys of %s must be plain names", what);
        bool ok = false;
        for (size_t j = 0; allowed[j]; j++)
            if (strcmp(k->value, allowed[j]) == 0)
                ok = true;
        if (!ok) {
            char *valid = join(allowed);
            fail(L, file, k, "unknown key '%s' in %s; valid keys: %s", k->value, what, valid);
            free(valid);
            return false;
        }
    }
    return true;
}

/* A scalar string; *out stays NULL when the key is absent and not required. */
static bool get_str(struct loader *L, const char *file, const struct ynode *map, const char *key,
                    const char *what, bool required, char **out)
{
    const struct ynode *n = ynode_get(map, key);
    *out = NULL;
    if (n == NULL) {
        if (required)
            return fail(L, file, map, "%s needs '%s'", what, key);
        return true;
    }
    if (n->kind != YN_SCALAR)
        return fail(L, file, n, "'%s' of %s must be text, not %s", key, what,
                    ynode_kind_name(n->kind));
    if (required && n->len == 0)
        return fail(L, file, n, "'%s' of %s must not be empty", key, what);
    *out = xstrdup(n->value);
    return true;
}

static bool parse_int(const struct ynode *n, long *out)
{
    if (n->kind != YN_SCALAR || n->len == 0)
        return false;
    char *end;
    errno = 0;
    long v = strtol(n->value, &end, 10);
    if (errno || *end != '\0' || n->value[0] == ' ')
        return false;
    *out = v;
    return true;
}

static bool get_int(struct loader *L, const char *file, const struct ynode *n, const char *what,
                    long *out)
{
    if (!parse_int(n, out))
        return fail(L, file, n, "%s must be a whole number", what);
    return true;
}

/* ids: lower-case letters, digits, '_' and '-' (questions and choices: no '-'). */
static bool check_id(struct loader *L, const char *file, const struct ynode *n, const char *id,
                     bool dash, const char *what)
{
    for (const char *p = id; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' ||
            (dash && *p == '-'))
            continue;
        return fail(L, file, n, "%s '%s' may only use a-z, 0-9, '_'%s", what, id,
                    dash ? " and '-'" : "");
    }
    if (*id == '\0')
        return fail(L, file, n, "%s must not be empty", what);
    return true;
}

static void items_add(struct items *it, const struct ynode *n, const char *file)
{
    it->v = xgrow(it->v, &it->cap, it->n + 1, sizeof *it->v);
    it->v[it->n++] = (struct item){n, file};
}

/* ---- names ---- */

static long find_in(const struct strmap *m, const char *id)
{
    size_t i;
    return strmap_get(m, id, &i) ? (long)i : -1;
}

static char *choice_list(const struct choice *c, size_t n)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (i)
            sb_adds(&sb, ", ");
        sb_adds(&sb, c[i].value);
    }
    return sb_detach(&sb);
}

static bool resolve_value(struct loader *L, const char *file, const struct ynode *n,
                          const struct choice *c, size_t nc, const char *owner, int *out)
{
    if (n->kind != YN_SCALAR)
        return fail(L, file, n, "a value of %s must be text", owner);
    for (size_t i = 0; i < nc; i++) {
        if (strcmp(c[i].value, n->value) == 0) {
            *out = (int)i;
            return true;
        }
    }
    char *valid = choice_list(c, nc);
    fail(L, file, n, "unknown value '%s' for %s; valid values: %s", n->value, owner, valid);
    free(valid);
    return false;
}

/* ---- conditions ---- */

static const char *const cond_ops[] = {"eq", "ne",    "in",  "has", "lt",  "le", "gt",
                                       "ge", "asked", "all", "any", "not", NULL};

static struct cond *cond_new(enum cond_op op, const char *file, const struct ynode *n)
{
    struct cond *c = xcalloc(1, sizeof *c);
    c->op = op;
    c->loc = loc_of(file, n);
    return c;
}

static void cond_add(struct cond *parent, struct cond *kid)
{
    parent->kids = xrealloc(parent->kids, (parent->nkids + 1) * sizeof *parent->kids);
    parent->kids[parent->nkids++] = kid;
}

/* Resolves a name to a question or setting visible in scope. */
static bool resolve_ref(struct loader *L, const char *file, const struct ynode *n,
                        const struct scope *sc, enum ref_kind *rk, size_t *ref)
{
    const struct tree *t = L->t;
    /* `answer.ID` is always the question, even where a setting of the same id shadows it. */
    if (strncmp(n->value, "answer.", 7) == 0) {
        long qi = find_in(&L->qmap, n->value + 7);
        if (qi < 0)
            return fail(L, file, n, "%s refers to '%s', but there is no question '%s'", sc->what,
                        n->value, n->value + 7);
        if ((size_t)qi >= sc->nq)
            return fail(L, file, n,
                        "%s refers to question '%s', which comes later; it may only use "
                        "questions asked before it",
                        sc->what, n->value + 7);
        *rk = REF_QUESTION;
        *ref = (size_t)qi;
        return true;
    }
    /* A setting computed before shadows a question of the same id (memory_mb the answer,
     * then memory_mb the advised value). */
    long si = find_in(&L->smap, n->value);
    if (si >= 0 && (size_t)si < sc->ns) {
        *rk = REF_SETTING;
        *ref = (size_t)si;
        return true;
    }
    long qi = find_in(&L->qmap, n->value);
    if (qi >= 0) {
        if ((size_t)qi >= sc->nq)
            return fail(L, file, n,
                        "%s refers to question '%s', which comes later; it may only use "
                        "questions asked before it",
                        sc->what, n->value);
        *rk = REF_QUESTION;
        *ref = (size_t)qi;
        return true;
    }
    if (si >= 0)
        return fail(L, file, n,
                    !sc->settings ? "%s cannot use settings such as '%s'; it may only use "
                                    "questions"
                                  : "%s refers to setting '%s', which is computed later; it "
                                    "may only use settings defined before it",
                    sc->what, n->value);
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < sc->nq && i < t->nquestions; i++)
        sb_addf(&sb, "%s%s", sb.len ? ", " : "", t->questions[i].id);
    for (size_t i = 0; i < sc->ns && i < t->nsettings; i++)
        sb_addf(&sb, "%s%s", sb.len ? ", " : "", t->settings[i].id);
    fail(L, file, n, "unknown question or setting '%s'; known here: %s", n->value,
         sb.len ? sb_str(&sb) : "(none)");
    sb_finish(&sb);
    return false;
}

static bool parse_cond(struct loader *L, const char *file, const struct ynode *n,
                       const struct scope *sc, struct cond **out);

/* One comparison `ID: VALUE` under eq/ne/in/has/lt/le/gt/ge. */
static bool parse_leaf(struct loader *L, const char *file, enum cond_op op, const char *opname,
                       const struct ynode *key, const struct ynode *val, const struct scope *sc,
                       struct cond **out)
{
    enum ref_kind rk;
    size_t ref;
    if (key->kind != YN_SCALAR)
        return fail(L, file, key, "'%s' takes question or setting names as keys", opname);
    if (!resolve_ref(L, file, key, sc, &rk, &ref))
        return false;
    const struct question *q = rk == REF_QUESTION ? &L->t->questions[ref] : NULL;
    const struct setting *s = rk == REF_SETTING ? &L->t->settings[ref] : NULL;
    bool is_choice = q ? (q->kind == Q_CHOICE || q->kind == Q_YESNO) : s->kind == S_CHOICE;
    bool is_multi = q && q->kind == Q_MULTI;
    bool is_number = q ? q->kind == Q_NUMBER : s->kind == S_NUMBER;
    const struct choice *choices = q ? q->choices : s->values;
    size_t nchoices = q ? q->nchoices : s->nvalues;
    char owner[160];
    snprintf(owner, sizeof owner, "%s '%s'", q ? "question" : "setting", key->value);

    struct cond *c = cond_new(op, file, key);
    c->rk = rk;
    c->ref = ref;
    bool ok = true;
    switch (op) {
    case C_EQ:
    case C_NE:
    case C_IN:
        if (!is_choice) {
            ok = fail(L, file, key, "'%s' needs a choice or yes/no %s, but %s is %s%s", opname,
                      q ? "question" : "setting", owner, is_multi ? "multi-choice" : "a number",
                      is_multi ? ": use 'has'" : ": use lt, le, gt or ge");
            break;
        }
        if (op == C_IN) {
            if (val->kind != YN_SEQ || val->nkids == 0) {
                ok = fail(L, file, val, "'in' takes a list of values for %s", owner);
                break;
            }
            for (size_t i = 0; ok && i < val->nkids; i++) {
                int v;
                ok = resolve_value(L, file, val->kids[i], choices, nchoices, owner, &v);
                if (ok)
                    c->set |= 1ULL << v;
            }
        } else {
            int v;
            ok = resolve_value(L, file, val, choices, nchoices, owner, &v);
            if (ok)
                c->set = 1ULL << v;
        }
        break;
    case C_HAS: {
        if (!is_multi) {
            ok = fail(L, file, key, "'has' needs a multi-choice question, but %s is not one%s",
                      owner, is_choice ? ": use 'eq' or 'in'" : "");
            break;
        }
        int v;
        ok = resolve_value(L, file, val, choices, nchoices, owner, &v);
        if (ok)
            c->set = 1ULL << v;
        break;
    }
    default:
        if (!is_number) {
            ok = fail(L, file, key, "'%s' compares numbers, but %s is not a number", opname, owner);
            break;
        }
        ok = get_int(L, file, val, "a number to compare with", &c->num);
        break;
    }
    if (!ok) {
        cond_free(c);
        return false;
    }
    *out = c;
    return true;
}

static bool parse_op(struct loader *L, const char *file, const struct ynode *key,
                     const struct ynode *val, const struct scope *sc, struct cond **out)
{
    if (key->kind != YN_SCALAR) {
        char *valid = join(cond_ops);
        fail(L, file, key, "a condition's key must be one of: %s", valid);
        free(valid);
        return false;
    }
    const char *name = key->value;
    enum cond_op op;
    size_t i;
    for (i = 0; cond_ops[i]; i++)
        if (strcmp(cond_ops[i], name) == 0)
            break;
    if (cond_ops[i] == NULL) {
        char *valid = join(cond_ops);
        fail(L, file, key, "unknown condition '%s'; valid: %s", name, valid);
        free(valid);
        return false;
    }
    static const enum cond_op ops[] = {C_EQ, C_NE, C_IN,    C_HAS, C_LT,  C_LE,
                                       C_GT, C_GE, C_ASKED, C_ALL, C_ANY, C_NOT};
    op = ops[i];
    switch (op) {
    case C_ALL:
    case C_ANY: {
        if (val->kind != YN_SEQ || val->nkids == 0)
            return fail(L, file, val, "'%s' takes a non-empty list of conditions", name);
        struct cond *c = cond_new(op, file, key);
        for (size_t k = 0; k < val->nkids; k++) {
            struct cond *kid = NULL;
            if (!parse_cond(L, file, val->kids[k], sc, &kid)) {
                cond_free(c);
                return false;
            }
            cond_add(c, kid);
        }
        *out = c;
        return true;
    }
    case C_NOT: {
        struct cond *kid = NULL;
        if (!parse_cond(L, file, val, sc, &kid))
            return false;
        struct cond *c = cond_new(op, file, key);
        cond_add(c, kid);
        *out = c;
        return true;
    }
    case C_ASKED: {
        if (val->kind != YN_SCALAR)
            return fail(L, file, val, "'asked' takes a question id");
        enum ref_kind rk;
        size_t ref;
        if (!resolve_ref(L, file, val, sc, &rk, &ref))
            return false;
        if (rk != REF_QUESTION)
            return fail(L, file, val, "'asked' takes a question id, and '%s' is a setting",
                        val->value);
        struct cond *c = cond_new(op, file, key);
        c->rk = rk;
        c->ref = ref;
        *out = c;
        return true;
    }
    default:
        break;
    }
    if (val->kind != YN_MAP || val->nkids == 0)
        return fail(L, file, val, "'%s' takes a mapping such as { workload: io }", name);
    if (val->nkids == 2)
        return parse_leaf(L, file, op, name, val->kids[0], val->kids[1], sc, out);
    struct cond *all = cond_new(C_ALL, file, key);
    for (size_t k = 0; k + 1 < val->nkids; k += 2) {
        struct cond *kid = NULL;
        if (!parse_leaf(L, file, op, name, val->kids[k], val->kids[k + 1], sc, &kid)) {
            cond_free(all);
            return false;
        }
        cond_add(all, kid);
    }
    *out = all;
    return true;
}

static bool parse_cond(struct loader *L, const char *file, const struct ynode *n,
                       const struct scope *sc, struct cond **out)
{
    if (n->kind != YN_MAP || n->nkids == 0)
        return fail(L, file, n, "a condition must be a mapping such as { eq: { workload: io } }");
    if (n->nkids == 2)
        return parse_op(L, file, n->kids[0], n->kids[1], sc, out);
    struct cond *all = cond_new(C_ALL, file, n);
    for (size_t k = 0; k + 1 < n->nkids; k += 2) {
        struct cond *kid = NULL;
        if (!parse_op(L, file, n->kids[k], n->kids[k + 1], sc, &kid)) {
            cond_free(all);
            return false;
        }
        cond_add(all, kid);
    }
    *out = all;
    return true;
}

/* ---- satisfiability: can a condition ever hold? ---- */

/* One variable of the enumeration: a question or setting and its candidate values. */
struct var {
    enum ref_kind rk;
    size_t ref;
    struct value *dom;
    bool *dom_asked;
    size_t ndom, capdom;
    uint64_t bits; /* multi: the bits conditions test */
    long *nums;    /* numbers the conditions compare with */
    size_t nnums, capnums;
};

struct vars {
    struct var *v;
    size_t n, cap;
    size_t nodes; /* the condition's size: one evaluation's cost */
};

static struct var *var_get(struct vars *vs, enum ref_kind rk, size_t ref)
{
    for (size_t i = 0; i < vs->n; i++)
        if (vs->v[i].rk == rk && vs->v[i].ref == ref)
            return &vs->v[i];
    vs->v = xgrow(vs->v, &vs->cap, vs->n + 1, sizeof *vs->v);
    struct var *v = &vs->v[vs->n++];
    memset(v, 0, sizeof *v);
    v->rk = rk;
    v->ref = ref;
    return v;
}

static void collect_vars(const struct cond *c, struct vars *vs)
{
    vs->nodes++;
    if (c->op == C_ALL || c->op == C_ANY || c->op == C_NOT) {
        for (size_t i = 0; i < c->nkids; i++)
            collect_vars(c->kids[i], vs);
        return;
    }
    struct var *v = var_get(vs, c->rk, c->ref);
    if (c->op == C_HAS)
        v->bits |= c->set;
    if (c->op >= C_LT && c->op <= C_GE) {
        v->nums = xgrow(v->nums, &v->capnums, v->nnums + 1, sizeof *v->nums);
        v->nums[v->nnums++] = c->num;
    }
}

static void dom_add(struct var *v, struct value val, bool asked)
{
    v->dom = xgrow(v->dom, &v->capdom, v->ndom + 1, sizeof *v->dom);
    v->dom_asked = xrealloc(v->dom_asked, v->capdom * sizeof *v->dom_asked);
    v->dom[v->ndom] = val;
    v->dom_asked[v->ndom++] = asked;
}

static void add_numbers(struct var *v, long lo, long hi)
{
    long cands[3];
    for (size_t i = 0; i < v->nnums; i++) {
        cands[0] = v->nums[i] > LONG_MIN ? v->nums[i] - 1 : v->nums[i];
        cands[1] = v->nums[i];
        cands[2] = v->nums[i] < LONG_MAX ? v->nums[i] + 1 : v->nums[i];
        for (int k = 0; k < 3; k++)
            if (cands[k] >= lo && cands[k] <= hi)
                dom_add(v, (struct value){.set = true, .num = cands[k]}, true);
    }
    dom_add(v, (struct value){.set = true, .num = lo}, true);
    dom_add(v, (struct value){.set = true, .num = hi}, true);
}

static void build_domain(const struct tree *t, struct var *v)
{
    if (v->rk == REF_QUESTION) {
        const struct question *q = &t->questions[v->ref];
        if (q->when)
            dom_add(v, (struct value){.set = false}, false);
        switch (q->kind) {
        case Q_CHOICE:
        case Q_YESNO:
            for (size_t i = 0; i < q->nchoices; i++)
                dom_add(v, (struct value){.set = true, .choice = (int)i}, true);
            break;
        case Q_MULTI: {
            /* Only the tested bits matter: every subset of them. */
            uint64_t b = v->bits, sub = 0;
            do {
                dom_add(v, (struct value){.set = true, .mask = sub}, true);
                sub = (sub - b) & b;
            } while (sub != 0);
            break;
        }
        case Q_NUMBER:
            add_numbers(v, q->min, q->max);
            break;
        }
        return;
    }
    const struct setting *s = &t->settings[v->ref];
    if (s->kind == S_NUMBER) {
        add_numbers(v, LONG_MIN, LONG_MAX);
        return;
    }
    /* A choice setting takes only the values its rules produce. */
    uint64_t seen = 0;
    for (size_t r = 0; r < s->nrules; r++) {
        long x = s->rules[r].value->num;
        if (x >= 0 && x < 64 && !((seen >> x) & 1)) {
            seen |= 1ULL << x;
            dom_add(v, (struct value){.set = true, .choice = (int)x}, true);
        }
    }
}

static size_t sat_mul_size(size_t a, size_t b)
{
    return b && a > SIZE_MAX / b ? SIZE_MAX : a * b;
}

/* How many values build_domain() would give v, saturated at MAX_SAT_COMBOS. */
static size_t domain_size(const struct tree *t, const struct var *v)
{
    size_t n;
    if (v->rk == REF_QUESTION) {
        const struct question *q = &t->questions[v->ref];
        n = q->when ? 1 : 0;
        if (q->kind == Q_MULTI) {
            int bits = __builtin_popcountll(v->bits);
            n += bits >= 16 ? MAX_SAT_COMBOS : (size_t)1 << bits;
        } else if (q->kind == Q_NUMBER) {
            n += 3 * v->nnums + 2;
        } else {
            n += q->nchoices;
        }
    } else {
        const struct setting *s = &t->settings[v->ref];
        n = s->kind == S_NUMBER ? 3 * v->nnums + 2 : s->nrules;
    }
    return n < MAX_SAT_COMBOS ? n : MAX_SAT_COMBOS;
}

/* Scratch values for satisfiable(), allocated once per load so that checking stays linear. */
struct sat_scratch {
    struct value *qv, *sv;
    bool *asked;
};

/* True when some assignment of the condition's variables makes it hold (or when there are
 * too many combinations to tell). */
static bool satisfiable(const struct tree *t, const struct cond *c, struct sat_scratch *sc)
{
    struct vars vs = {0};
    collect_vars(c, &vs);
    /* Count the combinations before building any domain: a multi-choice question tested on
     * k values has 2^k subsets, and building them first took memory exponential in k. Past
     * the limit the condition is not checked (taken as satisfiable). */
    size_t combos = 1;
    for (size_t i = 0; i < vs.n && combos < MAX_SAT_COMBOS; i++)
        combos = sat_mul_size(combos, domain_size(t, &vs.v[i]));
    bool found = combos >= MAX_SAT_COMBOS || sat_mul_size(combos, vs.nodes) >= MAX_SAT_WORK;
    for (size_t i = 0; !found && i < vs.n; i++)
        build_domain(t, &vs.v[i]);
    struct value *qv = sc->qv, *sv = sc->sv;
    bool *asked = sc->asked;
    struct cond_env env = {t, qv, asked, sv};
    size_t *idx = xcalloc(vs.n + 1, sizeof *idx);
    while (!found) {
        for (size_t i = 0; i < vs.n; i++) {
            struct var *v = &vs.v[i];
            if (v->rk == REF_QUESTION) {
                qv[v->ref] = v->dom[idx[i]];
                asked[v->ref] = v->dom_asked[idx[i]];
            } else {
                sv[v->ref] = v->dom[idx[i]];
            }
        }
        if (cond_eval(c, &env)) {
            found = true;
            break;
        }
        size_t i = 0;
        while (i < vs.n && ++idx[i] == vs.v[i].ndom)
            idx[i++] = 0;
        if (i == vs.n)
            break;
    }
    for (size_t i = 0; i < vs.n; i++) { /* leave the scratch clean for the next call */
        struct var *v = &vs.v[i];
        if (v->rk == REF_QUESTION) {
            qv[v->ref] = (struct value){0};
            asked[v->ref] = false;
        } else {
            sv[v->ref] = (struct value){0};
        }
        free(v->dom);
        free(v->dom_asked);
        free(v->nums);
    }
    free(vs.v);
    free(idx);
    return found;
}

/* ---- expressions ---- */

static const char *const expr_ops[] = {"ref", "min", "max",      "add", "sub",
                                       "mul", "div", "div_ceil", NULL};

static bool parse_expr(struct loader *L, const char *file, const struct ynode *n,
                       const struct setting *s, size_t si, struct expr **out)
{
    struct expr *x = xcalloc(1, sizeof *x);
    x->loc = loc_of(file, n);
    bool ok = true;
    if (n->kind == YN_SCALAR) {
        x->op = E_NUM;
        if (s->kind == S_CHOICE) {
            int v;
            char owner[160];
            snprintf(owner, sizeof owner, "setting '%s'", s->id);
            ok = resolve_value(L, file, n, s->values, s->nvalues, owner, &v);
            x->num = v;
        } else {
            ok = get_int(L, file, n, "a number setting's value", &x->num);
        }
    } else if (s->kind == S_CHOICE) {
        ok = fail(L, file, n, "setting '%s' is a choice: its value must be one of its values",
                  s->id);
    } else if (n->kind != YN_MAP || n->nkids != 2 || n->kids[0]->kind != YN_SCALAR) {
        char *valid = join(expr_ops);
        ok = fail(L, file, n, "an expression is a number or a mapping with one of: %s", valid);
        free(valid);
    } else {
        const struct ynode *k = n->kids[0], *v = n->kids[1];
        static const enum expr_op ops[] = {E_REF, E_MIN, E_MAX, E_ADD,
                                           E_SUB, E_MUL, E_DIV, E_DIV_CEIL};
        size_t i;
        for (i = 0; expr_ops[i]; i++)
            if (strcmp(expr_ops[i], k->value) == 0)
                break;
        if (expr_ops[i] == NULL) {
            char *valid = join(expr_ops);
            ok = fail(L, file, k, "unknown expression '%s'; valid: %s", k->value, valid);
            free(valid);
        } else if ((x->op = ops[i]) == E_REF) {
            char sw[200];
            snprintf(sw, sizeof sw, "setting '%s'", s->id);
            struct scope sc = {L->t->nquestions, si, true, sw};
            if (v->kind != YN_SCALAR)
                ok = fail(L, file, v, "'ref' takes a question or setting id");
            else
                ok = resolve_ref(L, file, v, &sc, &x->rk, &x->ref);
            if (ok) {
                bool num = x->rk == REF_QUESTION ? L->t->questions[x->ref].kind == Q_NUMBER
                                                 : L->t->settings[x->ref].kind == S_NUMBER;
                if (!num)
                    ok = fail(L, file, v,
                              "'ref' needs a number question or setting, and '%s' "
                              "is not a number",
                              v->value);
            }
        } else {
            size_t want = (x->op == E_SUB || x->op == E_DIV || x->op == E_DIV_CEIL) ? 2 : 0;
            if (v->kind != YN_SEQ || v->nkids == 0 || (want && v->nkids != want)) {
                ok =
                    want
                        ? fail(L, file, v, "'%s' takes a list of exactly two expressions", k->value)
                        : fail(L, file, v, "'%s' takes a non-empty list of expressions", k->value);
            }
            for (size_t a = 0; ok && a < v->nkids; a++) {
                struct expr *arg = NULL;
                ok = parse_expr(L, file, v->kids[a], s, si, &arg);
                if (ok) {
                    x->args = xrealloc(x->args, (x->nargs + 1) * sizeof *x->args);
                    x->args[x->nargs++] = arg;
                }
            }
            if (ok && (x->op == E_DIV || x->op == E_DIV_CEIL) && x->args[1]->op == E_NUM &&
                x->args[1]->num <= 0)
                ok = fail(L, file, v->kids[1], "'%s' needs a divisor above 0", k->value);
        }
    }
    if (!ok) {
        expr_free(x);
        return false;
    }
    *out = x;
    return true;
}

/* ---- sections ---- */

static bool parse_choices(struct loader *L, const char *file, const struct ynode *list,
                          const char *owner, bool need_label, struct choice **out, size_t *nout)
{
    static const char *const keys[] = {"value", "label", "help", NULL};
    if (!expect_kind(L, file, list, YN_SEQ, "'choices'"))
        return false;
    if (list->nkids == 0)
        return fail(L, file, list, "%s needs at least one choice", owner);
    if (list->nkids > TREE_MAX_CHOICES)
        return fail(L, file, list, "%s has more than %d choices", owner, TREE_MAX_CHOICES);
    struct choice *c = xcalloc(list->nkids, sizeof *c);
    *out = c;
    *nout = list->nkids; /* zeroed entries free cleanly if we stop early */
    for (size_t i = 0; i < list->nkids; i++) {
        const struct ynode *n = list->kids[i];
        if (n->kind == YN_SCALAR && !need_label) {
            if (!check_id(L, file, n, n->value, true, "a value"))
                return false;
            c[i].value = xstrdup(n->value);
            c[i].label = xstrdup(n->value);
            c[i].loc = loc_of(file, n);
        } else {
            if (!expect_kind(L, file, n, YN_MAP, "a choice") ||
                !check_keys(L, file, n, "a choice", keys) ||
                !get_str(L, file, n, "value", "a choice", true, &c[i].value))
                return false;
            c[i].loc = loc_of(file, n);
            if (!check_id(L, file, ynode_get(n, "value"), c[i].value, !need_label, "a value") ||
                !get_str(L, file, n, "label", "a choice", need_label, &c[i].label) ||
                !get_str(L, file, n, "help", "a choice", false, &c[i].help))
                return false;
            if (c[i].label == NULL)
                c[i].label = xstrdup(c[i].value);
        }
        for (size_t j = 0; j < i; j++)
            if (strcmp(c[j].value, c[i].value) == 0)
                return fail(L, file, n, "duplicate value '%s' in %s (first at line %d)", c[i].value,
                            owner, c[j].loc.line);
    }
    return true;
}

static const char *const kind_names[] = {"choice", "multi", "number", "yesno", NULL};

static bool parse_default(struct loader *L, const char *file, const struct ynode *map,
                          struct question *q)
{
    const struct ynode *d = ynode_get(map, "default");
    char owner[160];
    snprintf(owner, sizeof owner, "question '%s'", q->id);
    q->def.set = true;
    if (d == NULL) {
        if (q->kind == Q_NUMBER)
            return fail(L, file, map, "question '%s' needs a 'default' from %ld to %ld", q->id,
                        q->min, q->max);
        if (q->kind == Q_MULTI)
            return true; /* nothing chosen */
        char *valid = choice_list(q->choices, q->nchoices);
        fail(L, file, map, "question '%s' needs a 'default'; valid values: %s", q->id, valid);
        free(valid);
        return false;
    }
    switch (q->kind) {
    case Q_NUMBER:
        if (!get_int(L, file, d, "'default' of a number question", &q->def.num))
            return false;
        if (q->def.num < q->min || q->def.num > q->max)
            return fail(L, file, d, "default %ld of question '%s' is outside %ld..%ld", q->def.num,
                        q->id, q->min, q->max);
        return true;
    case Q_MULTI: {
        if (d->kind != YN_SEQ)
            return fail(L, file, d, "'default' of multi-choice question '%s' must be a list",
                        q->id);
        for (size_t i = 0; i < d->nkids; i++) {
            int v;
            if (!resolve_value(L, file, d->kids[i], q->choices, q->nchoices, owner, &v))
                return false;
            q->def.mask |= 1ULL << v;
        }
        return true;
    }
    default:
        return resolve_value(L, file, d, q->choices, q->nchoices, owner, &q->def.choice);
    }
}

static bool parse_question(struct loader *L, size_t qi, const struct item *it)
{
    static const char *const keys[] = {"id",      "kind", "prompt", "help", "default", "when",
                                       "choices", "min",  "max",    "unit", NULL};
    const char *file = it->file;
    const struct ynode *n = it->n;
    struct question *q = &L->t->questions[qi];
    if (!check_keys(L, file, n, "a question", keys))
        return false;
    char what[160];
    snprintf(what, sizeof what, "question '%s'", q->id);
    if (!get_str(L, file, n, "prompt", what, true, &q->prompt) ||
        !get_str(L, file, n, "help", what, false, &q->help) ||
        !get_str(L, file, n, "unit", what, false, &q->unit))
        return false;
    const struct ynode *choices = ynode_get(n, "choices");
    const struct ynode *min = ynode_get(n, "min"), *max = ynode_get(n, "max");
    if (q->kind == Q_NUMBER) {
        if (choices)
            return fail(L, file, choices, "a number question has no 'choices'");
        if (min == NULL || max == NULL)
            return fail(L, file, n, "number question '%s' needs 'min' and 'max'", q->id);
        if (!get_int(L, file, min, "'min'", &q->min) || !get_int(L, file, max, "'max'", &q->max))
            return false;
        if (q->min > q->max)
            return fail(L, file, min, "'min' %ld is above 'max' %ld", q->min, q->max);
    } else {
        if (min || max)
            return fail(L, file, min ? min : max, "only number questions have 'min' and 'max'");
        if (q->unit)
            return fail(L, file, ynode_get(n, "unit"), "only number questions have a 'unit'");
        if (q->kind == Q_YESNO) {
            if (choices) {
                if (!parse_choices(L, file, choices, what, true, &q->choices, &q->nchoices))
                    return false;
                if (q->nchoices != 2 || strcmp(q->choices[0].value, "yes") != 0 ||
                    strcmp(q->choices[1].value, "no") != 0)
                    return fail(L, file, choices,
                                "the choices of yes/no question '%s' must be exactly 'yes' then "
                                "'no'",
                                q->id);
            } else {
                q->choices = xcalloc(2, sizeof *q->choices);
                q->nchoices = 2;
                q->choices[0] =
                    (struct choice){xstrdup("yes"), xstrdup("Yes"), NULL, loc_of(file, n)};
                q->choices[1] =
                    (struct choice){xstrdup("no"), xstrdup("No"), NULL, loc_of(file, n)};
            }
        } else {
            if (choices == NULL)
                return fail(L, file, n, "%s question '%s' needs 'choices'",
                            question_kind_name(q->kind), q->id);
            if (!parse_choices(L, file, choices, what, true, &q->choices, &q->nchoices))
                return false;
        }
    }
    if (!parse_default(L, file, n, q))
        return false;
    const struct ynode *when = ynode_get(n, "when");
    if (when) {
        char sw[200];
        snprintf(sw, sizeof sw, "the condition of question '%s'", q->id);
        struct scope sc = {qi, 0, false, sw};
        if (!parse_cond(L, file, when, &sc, &q->when))
            return false;
    }
    return true;
}

static const char *const pattern_values[] = {"async-concurrent", "async-sequential",
                                             "spawn-blocking",   "spawn-blocking-rayon",
                                             "mixed-pipeline",   NULL};
static const char *const arch_values[] = {"arm64", "x86_64", NULL};

static bool in_list(const char *const *list, const char *s)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], s) == 0)
            return true;
    return false;
}

static bool parse_setting(struct loader *L, size_t si, const struct item *it)
{
    static const char *const keys[] = {"id",    "kind", "title",    "values", "unit",
                                       "rules", "when", "decimals", "hidden", NULL};
    static const char *const rule_keys[] = {"when", "value", "why", NULL};
    const char *file = it->file;
    const struct ynode *n = it->n;
    struct setting *s = &L->t->settings[si];
    char what[160];
    snprintf(what, sizeof what, "setting '%s'", s->id);
    if (!check_keys(L, file, n, "a setting", keys) ||
        !get_str(L, file, n, "title", what, true, &s->title) ||
        !get_str(L, file, n, "unit", what, false, &s->unit))
        return false;
    const struct ynode *values = ynode_get(n, "values");
    if (s->kind == S_CHOICE) {
        if (values == NULL)
            return fail(L, file, n, "choice setting '%s' needs 'values'", s->id);
        if (!parse_choices(L, file, values, what, false, &s->values, &s->nvalues))
            return false;
        const char *const *allowed = strcmp(s->id, "pattern") == 0        ? pattern_values
                                     : strcmp(s->id, "architecture") == 0 ? arch_values
                                                                          : NULL;
        for (size_t i = 0; allowed && i < s->nvalues; i++) {
            if (!in_list(allowed, s->values[i].value)) {
                char *valid = join(allowed);
                fail(L, file, values->kids[i], "setting '%s' may only take: %s", s->id, valid);
                free(valid);
                return false;
            }
        }
    } else if (values) {
        return fail(L, file, values, "a number setting has no 'values'");
    }
    const struct ynode *dec = ynode_get(n, "decimals"), *hidden = ynode_get(n, "hidden");
    if (dec) {
        long d;
        if (s->kind != S_NUMBER)
            return fail(L, file, dec, "only a number setting has 'decimals'");
        if (!parse_int(dec, &d) || d < 0 || d > 3)
            return fail(L, file, dec, "'decimals' must be a whole number from 0 to 3");
        s->decimals = (int)d;
    }
    if (hidden) {
        if (hidden->kind != YN_SCALAR ||
            (strcmp(hidden->value, "true") != 0 && strcmp(hidden->value, "false") != 0))
            return fail(L, file, hidden, "'hidden' must be true or false");
        s->hidden = strcmp(hidden->value, "true") == 0;
    }
    const struct ynode *shown = ynode_get(n, "when");
    if (shown) {
        static const char *const required[] = {"pattern", "architecture", "memory_mb", "timeout_s",
                                               NULL};
        if (s->hidden)
            return fail(L, file, shown, "a hidden setting is never shown: it has no 'when'");
        if (in_list(required, s->id))
            return fail(L, file, shown,
                        "setting '%s' is always part of the advice: it cannot "
                        "have a 'when'",
                        s->id);
        char sw[200];
        snprintf(sw, sizeof sw, "the condition of setting '%s'", s->id);
        struct scope shsc = {L->t->nquestions, si + 1, true, sw};
        if (!parse_cond(L, file, shown, &shsc, &s->when))
            return false;
    }
    const struct ynode *rules = ynode_get(n, "rules");
    if (rules == NULL)
        return fail(L, file, n, "setting '%s' needs 'rules'", s->id);
    if (!expect_kind(L, file, rules, YN_SEQ, "'rules'"))
        return false;
    if (rules->nkids == 0)
        return fail(L, file, rules, "setting '%s' needs at least one rule", s->id);
    s->rules = xcalloc(rules->nkids, sizeof *s->rules);
    char sw[200];
    snprintf(sw, sizeof sw, "a rule of setting '%s'", s->id);
    struct scope sc = {L->t->nquestions, si, true, sw};
    for (size_t r = 0; r < rules->nkids; r++) {
        const struct ynode *rn = rules->kids[r];
        struct setting_rule *rule = &s->rules[r];
        s->nrules = r + 1;
        rule->loc = loc_of(file, rn);
        if (!expect_kind(L, file, rn, YN_MAP, "a rule") ||
            !check_keys(L, file, rn, "a rule", rule_keys) ||
            !get_str(L, file, rn, "why", "a rule", false, &rule->why))
            return false;
        const struct ynode *when = ynode_get(rn, "when"), *value = ynode_get(rn, "value");
        if (value == NULL)
            return fail(L, file, rn, "a rule of setting '%s' needs a 'value'", s->id);
        if (!parse_expr(L, file, value, s, si, &rule->value))
            return false;
        if (when && !parse_cond(L, file, when, &sc, &rule->when))
            return false;
        if (when == NULL && r + 1 < rules->nkids)
            return fail(L, file, rules->kids[r + 1],
                        "this rule of setting '%s' can never apply: the rule before it has no "
                        "'when'",
                        s->id);
        if (when && r + 1 == rules->nkids)
            return fail(L, file, rn,
                        "the last rule of setting '%s' must have no 'when', so that the setting "
                        "always has a value",
                        s->id);
    }
    return true;
}

static bool parse_rec(struct loader *L, size_t ri, const struct item *it)
{
    static const char *const keys[] = {"id", "category", "priority", "title", "body", "when", NULL};
    const char *file = it->file;
    const struct ynode *n = it->n;
    struct recommendation *r = &L->t->recs[ri];
    if (!expect_kind(L, file, n, YN_MAP, "a recommendation") ||
        !check_keys(L, file, n, "a recommendation", keys) ||
        !get_str(L, file, n, "id", "a recommendation", true, &r->id))
        return false;
    r->loc = loc_of(file, n);
    const struct ynode *idn = ynode_get(n, "id");
    if (!check_id(L, file, idn, r->id, true, "a recommendation id"))
        return false;
    size_t j;
    if (strmap_get(&L->rmap, r->id, &j))
        return fail(L, file, idn, "duplicate recommendation id '%s' (first at %s:%d)", r->id,
                    L->t->recs[j].loc.file, L->t->recs[j].loc.line);
    strmap_put(&L->rmap, r->id, ri);
    char what[160];
    snprintf(what, sizeof what, "recommendation '%s'", r->id);
    char *cat;
    if (!get_str(L, file, n, "category", what, true, &cat))
        return false;
    size_t ci;
    if (!strmap_get(&L->cmap, cat, &ci)) {
        struct strbuf sb = STRBUF_INIT;
        for (size_t i = 0; i < L->t->ncategories; i++)
            sb_addf(&sb, "%s%s", i ? ", " : "", L->t->categories[i].id);
        fail(L, file, ynode_get(n, "category"), "unknown category '%s'; valid: %s", cat,
             sb.len ? sb_str(&sb) : "(no categories are defined)");
        sb_finish(&sb);
        free(cat);
        return false;
    }
    free(cat);
    r->category = ci;
    const struct ynode *prio = ynode_get(n, "priority");
    long p = 50;
    if (prio && !get_int(L, file, prio, "'priority'", &p))
        return false;
    if (p < 1 || p > 100)
        return fail(L, file, prio, "'priority' must be from 1 to 100, not %ld", p);
    r->priority = (int)p;
    if (!get_str(L, file, n, "title", what, true, &r->title) ||
        !get_str(L, file, n, "body", what, true, &r->body))
        return false;
    const struct ynode *when = ynode_get(n, "when");
    char sw[200];
    snprintf(sw, sizeof sw, "the condition of recommendation '%s'", r->id);
    struct scope sc = {L->t->nquestions, L->t->nsettings, true, sw};
    if (when && !parse_cond(L, file, when, &sc, &r->when))
        return false;
    return true;
}

/* Registers the ids and kinds of every question and setting, so that conditions can name
 * them (and say "comes later" rather than "unknown"). */
static bool register_names(struct loader *L)
{
    static const char *const skinds[] = {"choice", "number", NULL};
    struct tree *t = L->t;
    t->questions = xcalloc(L->questions.n + 1, sizeof *t->questions);
    t->settings = xcalloc(L->settings.n + 1, sizeof *t->settings);
    for (size_t i = 0; i < L->questions.n; i++) {
        const struct item *it = &L->questions.v[i];
        struct question *q = &t->questions[i];
        if (!expect_kind(L, it->file, it->n, YN_MAP, "a question") ||
            !get_str(L, it->file, it->n, "id", "a question", true, &q->id))
            return false;
        t->nquestions = i + 1;
        q->loc = loc_of(it->file, it->n);
        const struct ynode *idn = ynode_get(it->n, "id");
        if (!check_id(L, it->file, idn, q->id, false, "a question id"))
            return false;
        size_t j;
        if (!strmap_put(&L->qmap, q->id, i) && strmap_get(&L->qmap, q->id, &j))
            return fail(L, it->file, idn, "duplicate question id '%s' (first at %s:%d)", q->id,
                        t->questions[j].loc.file, t->questions[j].loc.line);
        char *kind;
        if (!get_str(L, it->file, it->n, "kind", "a question", true, &kind))
            return false;
        size_t k;
        for (k = 0; kind_names[k]; k++)
            if (strcmp(kind, kind_names[k]) == 0)
                break;
        free(kind);
        if (kind_names[k] == NULL) {
            char *valid = join(kind_names);
            fail(L, it->file, ynode_get(it->n, "kind"), "unknown kind '%s'; valid kinds: %s",
                 ynode_get(it->n, "kind")->value, valid);
            free(valid);
            return false;
        }
        q->kind = (enum q_kind)k;
    }
    for (size_t i = 0; i < L->settings.n; i++) {
        const struct item *it = &L->settings.v[i];
        struct setting *s = &t->settings[i];
        if (!expect_kind(L, it->file, it->n, YN_MAP, "a setting") ||
            !get_str(L, it->file, it->n, "id", "a setting", true, &s->id))
            return false;
        t->nsettings = i + 1;
        s->loc = loc_of(it->file, it->n);
        const struct ynode *idn = ynode_get(it->n, "id");
        if (!check_id(L, it->file, idn, s->id, false, "a setting id"))
            return false;
        size_t j;
        if (!strmap_put(&L->smap, s->id, i) && strmap_get(&L->smap, s->id, &j))
            return fail(L, it->file, idn, "duplicate setting id '%s' (first at %s:%d)", s->id,
                        t->settings[j].loc.file, t->settings[j].loc.line);
        char *kind;
        if (!get_str(L, it->file, it->n, "kind", "a setting", true, &kind))
            return false;
        bool num = strcmp(kind, "number") == 0;
        bool ok = num || strcmp(kind, "choice") == 0;
        free(kind);
        if (!ok) {
            char *valid = join(skinds);
            fail(L, it->file, ynode_get(it->n, "kind"), "unknown setting kind '%s'; valid: %s",
                 ynode_get(it->n, "kind")->value, valid);
            free(valid);
            return false;
        }
        s->kind = num ? S_NUMBER : S_CHOICE;
    }
    return true;
}

static bool parse_categories(struct loader *L)
{
    static const char *const keys[] = {"id", "title", NULL};
    struct tree *t = L->t;
    t->categories = xcalloc(L->categories.n + 1, sizeof *t->categories);
    for (size_t i = 0; i < L->categories.n; i++) {
        const struct item *it = &L->categories.v[i];
        struct category *c = &t->categories[i];
        if (!expect_kind(L, it->file, it->n, YN_MAP, "a category") ||
            !check_keys(L, it->file, it->n, "a category", keys) ||
            !get_str(L, it->file, it->n, "id", "a category", true, &c->id))
            return false;
        t->ncategories = i + 1;
        c->loc = loc_of(it->file, it->n);
        if (!check_id(L, it->file, ynode_get(it->n, "id"), c->id, true, "a category id") ||
            !get_str(L, it->file, it->n, "title", "a category", true, &c->title))
            return false;
        size_t j;
        if (!strmap_put(&L->cmap, c->id, i) && strmap_get(&L->cmap, c->id, &j))
            return fail(L, it->file, ynode_get(it->n, "id"),
                        "duplicate category id '%s' (first at %s:%d)", c->id,
                        t->categories[j].loc.file, t->categories[j].loc.line);
    }
    return true;
}

static bool check_required_settings(struct loader *L)
{
    static const struct {
        const char *id;
        enum setting_kind kind;
    } required[] = {{"pattern", S_CHOICE},
                    {"architecture", S_CHOICE},
                    {"memory_mb", S_NUMBER},
                    {"timeout_s", S_NUMBER}};
    const char *file = L->t->nfiles ? L->t->files[0] : NULL;
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
        const struct setting *s = tree_setting(L->t, required[i].id);
        if (s == NULL)
            return la_error_set(L->err, file, 0, 0,
                                "the tree has no setting '%s'; the advice needs the settings "
                                "pattern, architecture, memory_mb and timeout_s",
                                required[i].id);
        if (s->kind != required[i].kind)
            return la_error_set(L->err, s->loc.file, s->loc.line, s->loc.col,
                                "setting '%s' must be of kind %s", s->id,
                                required[i].kind == S_CHOICE ? "choice" : "number");
    }
    return true;
}

static bool check_reachability(struct loader *L)
{
    const struct tree *t = L->t;
    struct sat_scratch scratch = {xcalloc(t->nquestions + 1, sizeof *scratch.qv),
                                  xcalloc(t->nsettings + 1, sizeof *scratch.sv),
                                  xcalloc(t->nquestions + 1, sizeof *scratch.asked)};
    bool ok = true;
    for (size_t i = 0; i < t->nquestions; i++) {
        const struct question *q = &t->questions[i];
        if (ok && q->when && !satisfiable(t, q->when, &scratch))
            ok = la_error_set(L->err, q->when->loc.file, q->when->loc.line, q->when->loc.col,
                              "question '%s' can never be asked: its condition never holds", q->id);
    }
    for (size_t i = 0; i < t->nsettings; i++) {
        const struct setting *s = &t->settings[i];
        if (ok && s->when && !satisfiable(t, s->when, &scratch))
            ok =
                la_error_set(L->err, s->when->loc.file, s->when->loc.line, s->when->loc.col,
                             "setting '%s' would never be shown: its condition never holds", s->id);
        for (size_t r = 0; r < s->nrules; r++) {
            const struct cond *w = s->rules[r].when;
            if (ok && w && !satisfiable(t, w, &scratch))
                ok = la_error_set(L->err, w->loc.file, w->loc.line, w->loc.col,
                                  "this rule of setting '%s' can never apply: its condition "
                                  "never holds",
                                  s->id);
        }
    }
    for (size_t i = 0; i < t->nrecs; i++) {
        const struct cond *w = t->recs[i].when;
        if (ok && w && !satisfiable(t, w, &scratch))
            ok = la_error_set(L->err, w->loc.file, w->loc.line, w->loc.col,
                              "recommendation '%s' can never apply: its condition never holds",
                              t->recs[i].id);
    }
    free(scratch.qv);
    free(scratch.sv);
    free(scratch.asked);
    return ok;
}

/* ---- names used in Markdown bodies ---- */

struct names {
    struct strmap map;
    char **owned;
    size_t n, cap;
};

static void name_add(struct names *nm, char *name)
{
    if (!strmap_put(&nm->map, name, 0)) {
        free(name);
        return;
    }
    nm->owned = xgrow(nm->owned, &nm->cap, nm->n + 1, sizeof *nm->owned);
    nm->owned[nm->n++] = name;
}

static void names_of_choices(struct names *nm, const char *id, const struct choice *c, size_t n)
{
    name_add(nm, xasprintf("%s.label", id));
    for (size_t i = 0; i < n; i++)
        name_add(nm, xasprintf("%s.%s", id, c[i].value));
}

/* Every name advice_context() sets (see project.h and docs/tree-format.md). */
static void names_build(const struct tree *t, struct names *nm)
{
    for (size_t i = 0; i < t->nquestions; i++) {
        const struct question *q = &t->questions[i];
        name_add(nm, xstrdup(q->id));
        name_add(nm, xasprintf("answer.%s", q->id));
        if (q->kind != Q_NUMBER)
            names_of_choices(nm, q->id, q->choices, q->nchoices);
    }
    for (size_t i = 0; i < t->nsettings; i++) {
        const struct setting *s = &t->settings[i];
        name_add(nm, xstrdup(s->id));
        if (s->kind == S_CHOICE)
            names_of_choices(nm, s->id, s->values, s->nvalues);
    }
}

static void names_finish(struct names *nm)
{
    for (size_t i = 0; i < nm->n; i++)
        free(nm->owned[i]);
    free(nm->owned);
    strmap_finish(&nm->map);
}

/* A misspelt {{name}} would render as nothing: refuse names the context never sets. */
static bool check_text_names(struct loader *L, const struct names *nm, const char *file,
                             const struct ynode *n, const char *what)
{
    if (n == NULL || n->kind != YN_SCALAR)
        return true;
    for (const char *p = strstr(n->value, "{{"); p; p = strstr(p, "{{")) {
        p += 2;
        while (*p == ' ' || *p == '{' || *p == '&' || *p == '#' || *p == '^' || *p == '/')
            p++;
        if (*p == '!' || *p == '>')
            continue;
        const char *end = strstr(p, "}}");
        if (end == NULL)
            break;
        size_t len = (size_t)(end - p);
        while (len && p[len - 1] == ' ')
            len--;
        char *name = xstrndup(p, len);
        bool known = strmap_get(&nm->map, name, NULL);
        if (!known)
            fail(L, file, n,
                 "%s uses '{{%s}}', which is not a known name: use a question or setting id, "
                 "ID.label, ID.VALUE or answer.ID",
                 what, name);
        free(name);
        if (!known)
            return false;
        p = end;
    }
    return true;
}

static bool check_names(struct loader *L)
{
    struct names nm = {STRMAP_INIT, NULL, 0, 0};
    names_build(L->t, &nm);
    bool ok = true;
    for (size_t i = 0; ok && i < L->settings.n; i++) {
        const struct ynode *rules = ynode_get(L->settings.v[i].n, "rules");
        char what[200];
        snprintf(what, sizeof what, "the 'why' of setting '%s'", L->t->settings[i].id);
        for (size_t r = 0; ok && rules && r < rules->nkids; r++)
            ok = check_text_names(L, &nm, L->settings.v[i].file, ynode_get(rules->kids[r], "why"),
                                  what);
    }
    for (size_t i = 0; ok && i < L->recs.n; i++) {
        char what[200];
        snprintf(what, sizeof what, "the body of recommendation '%s'", L->t->recs[i].id);
        ok = check_text_names(L, &nm, L->recs.v[i].file, ynode_get(L->recs.v[i].n, "body"), what);
    }
    names_finish(&nm);
    return ok;
}

static bool collect(struct loader *L, const struct ydoc *doc, const char *file)
{
    static const char *const keys[] = {"version",  "categories",      "questions",
                                       "settings", "recommendations", NULL};
    const struct ynode *root = doc->root;
    if (root == NULL)
        return true; /* an empty file adds nothing */
    if (!expect_kind(L, file, root, YN_MAP, "a decision-tree file") ||
        !check_keys(L, file, root, "a decision-tree file", keys))
        return false;
    const struct ynode *v = ynode_get(root, "version");
    long version;
    if (v && (!parse_int(v, &version) || version != 1))
        return fail(L, file, v, "unsupported version '%s'; this lambda-advisor reads version 1",
                    v->kind == YN_SCALAR ? v->value : "?");
    struct {
        const char *key;
        struct items *into;
    } sections[] = {{"categories", &L->categories},
                    {"questions", &L->questions},
                    {"settings", &L->settings},
                    {"recommendations", &L->recs}};
    for (size_t s = 0; s < 4; s++) {
        const struct ynode *list = ynode_get(root, sections[s].key);
        if (list == NULL)
            continue;
        char what[64];
        snprintf(what, sizeof what, "'%s'", sections[s].key);
        if (!expect_kind(L, file, list, YN_SEQ, what))
            return false;
        for (size_t i = 0; i < list->nkids; i++)
            items_add(sections[s].into, list->kids[i], file);
    }
    return true;
}

struct tree *tree_load_buffers(const char *const *names, const char *const *bufs,
                               const size_t *lens, size_t n, struct la_error *err)
{
    struct loader L = {.err = err};
    struct tree *t = L.t = xcalloc(1, sizeof *t);
    t->files = xcalloc(n + 1, sizeof *t->files);
    struct ydoc *docs = xcalloc(n + 1, sizeof *docs);
    bool ok = true;
    size_t ndocs = 0;
    for (size_t i = 0; ok && i < n; i++) {
        t->files[t->nfiles++] = xstrdup(names[i]);
        if (lens[i] > MAX_FILE_SIZE)
            ok = la_error_set(err, names[i], 0, 0, "file is larger than 16 MB");
        else
            ok = ydoc_parse(&docs[ndocs++], t->files[i], bufs[i], lens[i], err) &&
                 collect(&L, &docs[ndocs - 1], t->files[i]);
    }
    ok = ok && parse_categories(&L) && register_names(&L);
    for (size_t i = 0; ok && i < L.questions.n; i++)
        ok = parse_question(&L, i, &L.questions.v[i]);
    for (size_t i = 0; ok && i < L.settings.n; i++)
        ok = parse_setting(&L, i, &L.settings.v[i]);
    if (ok)
        t->recs = xcalloc(L.recs.n + 1, sizeof *t->recs);
    for (size_t i = 0; ok && i < L.recs.n; i++) {
        t->nrecs = i + 1;
        ok = parse_rec(&L, i, &L.recs.v[i]);
    }
    ok = ok && check_names(&L) && check_reachability(&L) && check_required_settings(&L);
    for (size_t i = 0; i < ndocs; i++)
        ydoc_finish(&docs[i]);
    free(docs);
    free(L.categories.v);
    free(L.questions.v);
    free(L.settings.v);
    free(L.recs.v);
    strmap_finish(&L.qmap);
    strmap_finish(&L.smap);
    strmap_finish(&L.cmap);
    strmap_finish(&L.rmap);
    if (!ok) {
        tree_destroy(t);
        return NULL;
    }
    return t;
}

struct tree *tree_load_files(const char *const *paths, size_t npaths, struct la_error *err)
{
    char **bufs = xcalloc(npaths + 1, sizeof *bufs);
    size_t *lens = xcalloc(npaths + 1, sizeof *lens);
    struct tree *t = NULL;
    size_t i;
    for (i = 0; i < npaths; i++)
        if (!file_read_all(paths[i], MAX_FILE_SIZE, &bufs[i], &lens[i], err))
            break;
    if (i == npaths)
        t = tree_load_buffers(paths, (const char *const *)bufs, lens, npaths, err);
    for (size_t j = 0; j < npaths; j++)
        free(bufs[j]);
    free(bufs);
    free(lens);
    return t;
}

struct default_files {
    char **names;
    const char **bufs;
    size_t *lens;
    size_t n, cap;
};

static void add_default(void *ud, const char *relpath)
{
    struct default_files *d = ud;
    const char *base = strrchr(relpath, '/');
    base = base ? base + 1 : relpath;
    size_t len = strlen(base);
    /* rules*.yaml belong to the scan */
    if (strncmp(base, "rules", 5) == 0 || len < 5 || strcmp(base + len - 5, ".yaml") != 0)
        return;
    size_t cap = d->cap;
    d->names = xgrow(d->names, &cap, d->n + 1, sizeof *d->names);
    cap = d->cap;
    d->bufs = xgrow(d->bufs, &cap, d->n + 1, sizeof *d->bufs);
    d->lens = xgrow(d->lens, &d->cap, d->n + 1, sizeof *d->lens);
    d->names[d->n] = xstrdup(relpath);
    d->bufs[d->n] = data_get(relpath, &d->lens[d->n]);
    if (d->bufs[d->n])
        d->n++;
    else
        free(d->names[d->n]);
}

struct tree *tree_load_default(struct la_error *err)
{
    struct default_files d = {0};
    data_each("decision-trees/", add_default, &d);
    struct tree *t = NULL;
    if (d.n == 0)
        la_error_set(err, NULL, 0, 0, "no decision tree is shipped (decision-trees/*.yaml)");
    else
        t = tree_load_buffers((const char *const *)d.names, d.bufs, d.lens, d.n, err);
    for (size_t i = 0; i < d.n; i++)
        free(d.names[i]);
    free(d.names);
    free(d.bufs);
    free(d.lens);
    return t;
}
