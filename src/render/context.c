/* The template context for an advice: answers and settings as names, labels and booleans. */
#include "lambda_advisor/project.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"

#include <stdlib.h>

/* Sets PREFIX.VALUE for every choice (true when chosen) and PREFIX.label to the chosen
 * labels; returns the chosen values joined by ", " (caller frees). */
static char *set_choices(struct tctx *c, const char *prefix, const struct choice *ch, size_t n,
                         uint64_t chosen)
{
    struct strbuf text = STRBUF_INIT, label = STRBUF_INIT;
    for (size_t i = 0; i < n; i++) {
        bool on = i < 64 && (chosen >> i & 1);
        char *name = xasprintf("%s.%s", prefix, ch[i].value);
        tctx_set_bool(c, name, on);
        free(name);
        if (!on)
            continue;
        if (text.len) {
            sb_adds(&text, ", ");
            sb_adds(&label, ", ");
        }
        sb_adds(&text, ch[i].value);
        sb_adds(&label, ch[i].label ? ch[i].label : ch[i].value);
    }
    char *name = xasprintf("%s.label", prefix);
    tctx_set(c, name, sb_str(&label));
    free(name);
    sb_finish(&label);
    return sb_detach(&text);
}

static uint64_t chosen_mask(enum q_kind kind, const struct value *v)
{
    if (kind == Q_MULTI)
        return v->mask;
    if (v->choice < 0 || v->choice >= 64)
        return 0;
    return (uint64_t)1 << v->choice;
}

struct tctx *advice_context(const struct engine *e, const struct advice *adv)
{
    struct tctx *c = tctx_create();
    const struct tree *t = e->tree;
    for (size_t qi = 0; qi < t->nquestions; qi++) {
        if (!engine_is_asked(e, qi))
            continue;
        const struct question *q = &t->questions[qi];
        const struct value *v = engine_value(e, qi);
        char *text;
        if (q->kind == Q_NUMBER)
            text = xasprintf("%ld", v->num);
        else
            text = set_choices(c, q->id, q->choices, q->nchoices, chosen_mask(q->kind, v));
        tctx_set(c, q->id, text);
        char *name = xasprintf("answer.%s", q->id);
        tctx_set(c, name, text);
        free(name);
        free(text);
    }
    /* Settings come after the questions so that a setting wins a shared id. */
    for (size_t si = 0; adv && si < t->nsettings; si++) {
        const struct setting *s = &t->settings[si];
        const struct value *v = &adv->settings[si];
        if (s->kind == S_CHOICE && v->set) {
            char *text = set_choices(c, s->id, s->values, s->nvalues, chosen_mask(Q_CHOICE, v));
            free(text);
        }
        tctx_set(c, s->id, adv->setting_text[si] ? adv->setting_text[si] : "");
    }
    return c;
}
