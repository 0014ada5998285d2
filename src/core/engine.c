/* The engine: which question comes next, answers, going back, and defaults. */
#include "lambda_advisor/engine.h"
#include "cond.h"
#include "lambda_advisor/xalloc.h"

#include <stdlib.h>
#include <string.h>

void engine_init(struct engine *e, const struct tree *t)
{
    e->tree = t;
    e->answers = xcalloc(t->nquestions + 1, sizeof *e->answers);
    e->history = xcalloc(t->nquestions + 1, sizeof *e->history);
    e->nhistory = 0;
}

void engine_finish(struct engine *e)
{
    free(e->answers);
    free(e->history);
    e->answers = NULL;
    e->history = NULL;
    e->nhistory = 0;
}

void engine_reset(struct engine *e)
{
    memset(e->answers, 0, e->tree->nquestions * sizeof *e->answers);
    e->nhistory = 0;
}

/* Computes asked[] in tree order: a question's condition sees only earlier answers. */
static void compute_asked(const struct engine *e, bool *asked)
{
    const struct tree *t = e->tree;
    struct cond_env env = {t, e->answers, asked, NULL};
    for (size_t i = 0; i < t->nquestions; i++)
        asked[i] = t->questions[i].when == NULL || cond_eval(t->questions[i].when, &env);
}

bool engine_is_asked(const struct engine *e, size_t qi)
{
    bool *asked = xcalloc(e->tree->nquestions + 1, sizeof *asked);
    compute_asked(e, asked);
    bool r = asked[qi];
    free(asked);
    return r;
}

long engine_next(const struct engine *e)
{
    const struct tree *t = e->tree;
    bool *asked = xcalloc(t->nquestions + 1, sizeof *asked);
    compute_asked(e, asked);
    long next = -1;
    for (size_t i = 0; i < t->nquestions; i++) {
        if (asked[i] && !e->answers[i].set) {
            next = (long)i;
            break;
        }
    }
    free(asked);
    return next;
}

/* Drops answers to questions that the other answers no longer ask, and their history. */
static void prune(struct engine *e)
{
    const struct tree *t = e->tree;
    bool *asked = xcalloc(t->nquestions + 1, sizeof *asked);
    compute_asked(e, asked);
    for (size_t i = 0; i < t->nquestions; i++)
        if (!asked[i] && e->answers[i].set) {
            e->answers[i].set = false;
            compute_asked(e, asked); /* later questions may depend on this one */
        }
    size_t k = 0;
    for (size_t h = 0; h < e->nhistory; h++)
        if (e->answers[e->history[h]].set)
            e->history[k++] = e->history[h];
    e->nhistory = k;
    free(asked);
}

static bool valid_value(const struct question *q, const struct value *v)
{
    if (!v->set)
        return false;
    switch (q->kind) {
    case Q_NUMBER:
        return v->num >= q->min && v->num <= q->max;
    case Q_MULTI:
        return q->nchoices >= 64 || (v->mask >> q->nchoices) == 0;
    default:
        return v->choice >= 0 && (size_t)v->choice < q->nchoices;
    }
}

bool engine_answer(struct engine *e, size_t qi, const struct value *v, struct la_error *err)
{
    const struct tree *t = e->tree;
    if (qi >= t->nquestions)
        return la_error_set(err, NULL, 0, 0, "no such question");
    const struct question *q = &t->questions[qi];
    if (!valid_value(q, v)) {
        char *valid = question_valid_values(q);
        la_error_set(err, NULL, 0, 0, "invalid answer for %s: valid values are %s", q->id, valid);
        free(valid);
        return false;
    }
    bool had = e->answers[qi].set;
    e->answers[qi] = *v;
    e->answers[qi].set = true;
    if (had) { /* re-answered: it moves to the end of the history */
        size_t k = 0;
        for (size_t h = 0; h < e->nhistory; h++)
            if (e->history[h] != qi)
                e->history[k++] = e->history[h];
        e->nhistory = k;
    }
    e->history[e->nhistory++] = qi;
    prune(e);
    return true;
}

bool engine_back(struct engine *e)
{
    if (e->nhistory == 0)
        return false;
    size_t qi = e->history[--e->nhistory];
    e->answers[qi].set = false;
    prune(e);
    return true;
}

void engine_fill_defaults(struct engine *e)
{
    long qi;
    while ((qi = engine_next(e)) >= 0)
        engine_answer(e, (size_t)qi, &e->tree->questions[qi].def, NULL);
}

const struct value *engine_value(const struct engine *e, size_t qi)
{
    return e->answers[qi].set ? &e->answers[qi] : &e->tree->questions[qi].def;
}
