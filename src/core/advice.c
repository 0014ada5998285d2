/* Advice from answers: settings by their first matching rule, recommendations in order. */
#include "lambda_advisor/advice.h"
#include "cond.h"
#include "lambda_advisor/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* "17" with one decimal is "1.7"; "-5" with two is "-0.05". */
static char *format_number(long v, int decimals)
{
    if (decimals <= 0)
        return xasprintf("%ld", v);
    long scale = 1;
    for (int d = 0; d < decimals; d++)
        scale *= 10;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    return xasprintf("%s%lu.%0*lu", v < 0 ? "-" : "", u / (unsigned long)scale, decimals,
                     u % (unsigned long)scale);
}

static int cmp_rec(const void *a, const void *b)
{
    const struct recommendation *x = *(const struct recommendation *const *)a;
    const struct recommendation *y = *(const struct recommendation *const *)b;
    if (x->category != y->category)
        return x->category < y->category ? -1 : 1;
    if (x->priority != y->priority)
        return x->priority < y->priority ? -1 : 1;
    return x < y ? -1 : x > y; /* file order: both point into tree->recs */
}

void advice_compute(struct advice *adv, const struct engine *e)
{
    const struct tree *t = e->tree;
    memset(adv, 0, sizeof *adv);
    adv->tree = t;
    /* Answered questions keep their answers; asked but unanswered ones use defaults. */
    struct value *q = xcalloc(t->nquestions + 1, sizeof *q);
    bool *asked = xcalloc(t->nquestions + 1, sizeof *asked);
    struct cond_env env = {t, q, asked, NULL};
    for (size_t i = 0; i < t->nquestions; i++) {
        asked[i] = t->questions[i].when == NULL || cond_eval(t->questions[i].when, &env);
        if (asked[i])
            q[i] = *engine_value(e, i);
        q[i].set = asked[i];
    }
    adv->settings = xcalloc(t->nsettings + 1, sizeof *adv->settings);
    adv->setting_rule = xcalloc(t->nsettings + 1, sizeof *adv->setting_rule);
    adv->setting_text = xcalloc(t->nsettings + 1, sizeof *adv->setting_text);
    adv->setting_shown = xcalloc(t->nsettings + 1, sizeof *adv->setting_shown);
    env.svals = adv->settings;
    for (size_t i = 0; i < t->nsettings; i++) {
        const struct setting *s = &t->settings[i];
        size_t r = 0;
        while (r + 1 < s->nrules &&
               !(s->rules[r].when == NULL || cond_eval(s->rules[r].when, &env)))
            r++;
        long v = expr_eval(s->rules[r].value, &env);
        struct value *sv = &adv->settings[i];
        sv->set = true;
        if (s->kind == S_CHOICE) {
            sv->choice = (int)v;
            adv->setting_text[i] = xstrdup(s->values[v].value);
        } else {
            sv->num = v;
            adv->setting_text[i] = format_number(v, s->decimals);
        }
        adv->setting_rule[i] = r;
    }
    for (size_t i = 0; i < t->nsettings; i++)
        adv->setting_shown[i] = !t->settings[i].hidden && (t->settings[i].when == NULL ||
                                                           cond_eval(t->settings[i].when, &env));
    adv->recs = xcalloc(t->nrecs + 1, sizeof *adv->recs);
    for (size_t i = 0; i < t->nrecs; i++)
        if (t->recs[i].when == NULL || cond_eval(t->recs[i].when, &env))
            adv->recs[adv->nrecs++] = &t->recs[i];
    qsort(adv->recs, adv->nrecs, sizeof *adv->recs, cmp_rec);
    free(q);
    free(asked);
}

void advice_finish(struct advice *adv)
{
    if (adv->tree)
        for (size_t i = 0; i < adv->tree->nsettings; i++)
            free(adv->setting_text[i]);
    free(adv->settings);
    free(adv->setting_rule);
    free(adv->setting_text);
    free(adv->setting_shown);
    free(adv->recs);
    memset(adv, 0, sizeof *adv);
}

const char *advice_setting_str(const struct advice *adv, const char *id)
{
    for (size_t i = 0; i < adv->tree->nsettings; i++)
        if (strcmp(adv->tree->settings[i].id, id) == 0)
            return adv->setting_text[i];
    return NULL;
}

long advice_setting_num(const struct advice *adv, const char *id)
{
    for (size_t i = 0; i < adv->tree->nsettings; i++)
        if (strcmp(adv->tree->settings[i].id, id) == 0)
            return adv->settings[i].num;
    return 0;
}
