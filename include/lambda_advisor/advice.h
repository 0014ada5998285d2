/* Advice: the settings and recommendations that a tree derives from answers. */
#ifndef LA_ADVICE_H
#define LA_ADVICE_H

#include "lambda_advisor/engine.h"

struct advice {
    const struct tree *tree;
    struct value *settings; /* one per tree->settings */
    size_t *setting_rule;   /* which rule decided each setting */
    char **setting_text;    /* each setting's value as text (in the advice or the tree) */
    bool *setting_shown;    /* whether reports show it (its `when`) */
    const struct recommendation **recs; /* in report order: category, priority, file */
    size_t nrecs;
};

/* Computes the advice for the engine's answers; unanswered questions use their defaults,
 * so partial answers give a preview. Free with advice_finish. */
void advice_compute(struct advice *adv, const struct engine *e);
void advice_finish(struct advice *adv);

/* A setting's textual value ("arm64", "1024"), or NULL if there is no such setting.
 * Valid until advice_finish. */
const char *advice_setting_str(const struct advice *adv, const char *id);
long advice_setting_num(const struct advice *adv, const char *id);

#endif
