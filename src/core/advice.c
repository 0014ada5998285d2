/* Advice from answers: settings by their first matching rule, recommendations in order.
 * One advice is one allocation (plus a scratch one): the exhaustive walk computes a million
 * of them, and the guided session one per keystroke. */
#include "lambda_advisor/advice.h"
#include "cond.h"
#include "lambda_advisor/xalloc.h"

#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NUM_TEXT 32 /* room for a long with up to 3 decimals, its sign and the NUL */

/* "17" with one decimal is "1.7"; "-5" with two is "-0.05". */
static void format_number(char *buf, long v, int decimals)
{
    if (decimals <= 0) {
        snprintf(buf, NUM_TEXT, "%ld", v);
        return;
    }
    if (decimals > 3)
        decimals = 3;
    unsigned long scale = 1;
    for (int d = 0; d < decimals; d++)
        scale *= 10;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    int n = snprintf(buf, NUM_TEXT - 4, "%s%lu", v < 0 ? "-" : "", u / scale);
    char *p = buf + (n > 0 ? n : 0);
    *p++ = '.';
    for (unsigned long f = u % scale, div = scale / 10; div > 0; div /= 10)
        *p++ = (char)('0' + f / div % 10);
    *p = '\0';
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

/* Rounds n up to a multiple of the strictest alignment used in the block. */
static size_t aligned(size_t n)
{
    size_t a = alignof(max_align_t);
    return (n + a - 1) / a * a;
}

void advice_compute(struct advice *adv, const struct engine *e)
{
    const struct tree *t = e->tree;
    size_t ns = t->nsettings, nq = t->nquestions;
    memset(adv, 0, sizeof *adv);
    adv->tree = t;
    /* Answered questions keep their answers; asked but unanswered ones use defaults. */
    size_t qsize = aligned((nq + 1) * sizeof(struct value));
    char *scratch = xcalloc(1, qsize + (nq + 1) * sizeof(bool));
    struct value *q = (struct value *)scratch;
    bool *asked = (bool *)(scratch + qsize);
    struct cond_env env = {t, q, asked, NULL};
    for (size_t i = 0; i < nq; i++) {
        asked[i] = t->questions[i].when == NULL || cond_eval(t->questions[i].when, &env);
        if (asked[i])
            q[i] = *engine_value(e, i);
        q[i].set = asked[i];
    }
    /* settings | setting_rule | setting_text | recs | number texts | setting_shown */
    size_t o_rule = aligned((ns + 1) * sizeof *adv->settings);
    size_t o_text = o_rule + aligned((ns + 1) * sizeof *adv->setting_rule);
    size_t o_recs = o_text + aligned((ns + 1) * sizeof *adv->setting_text);
    size_t o_nums = o_recs + aligned((t->nrecs + 1) * sizeof *adv->recs);
    size_t o_shown = o_nums + aligned((ns + 1) * NUM_TEXT);
    char *block = xcalloc(1, o_shown + ns + 1);
    adv->settings = (struct value *)block;
    adv->setting_rule = (size_t *)(block + o_rule);
    adv->setting_text = (char **)(block + o_text);
    adv->recs = (const struct recommendation **)(block + o_recs);
    char *nums = block + o_nums;
    adv->setting_shown = (bool *)(block + o_shown);
    env.svals = adv->settings;
    for (size_t i = 0; i < ns; i++) {
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
            adv->setting_text[i] = s->values[v].value; /* the tree outlives the advice */
        } else {
            sv->num = v;
            adv->setting_text[i] = nums + i * NUM_TEXT;
            format_number(adv->setting_text[i], v, s->decimals);
        }
        adv->setting_rule[i] = r;
    }
    for (size_t i = 0; i < ns; i++)
        adv->setting_shown[i] = !t->settings[i].hidden && (t->settings[i].when == NULL ||
                                                           cond_eval(t->settings[i].when, &env));
    for (size_t i = 0; i < t->nrecs; i++)
        if (t->recs[i].when == NULL || cond_eval(t->recs[i].when, &env))
            adv->recs[adv->nrecs++] = &t->recs[i];
    qsort(adv->recs, adv->nrecs, sizeof *adv->recs, cmp_rec);
    free(scratch);
}

void advice_finish(struct advice *adv)
{
    free(adv->settings); /* the one block: every array and text of the advice */
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
