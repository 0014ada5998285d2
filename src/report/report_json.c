/* The advice as JSON (fields fixed by PRODUCT.md: answers, pattern, settings,
 * recommendations, files). */
#include "la_config.h"
#include "lambda_advisor/xalloc.h"
#include "report_common.h"

#include <stdlib.h>
#include <string.h>

static void add_answer(struct strbuf *sb, const struct question *q, const struct value *v)
{
    switch (q->kind) {
    case Q_NUMBER:
        sb_addf(sb, "%ld", v->num);
        break;
    case Q_MULTI: {
        sb_addc(sb, '[');
        size_t k = 0;
        for (size_t c = 0; c < q->nchoices; c++)
            if ((v->mask >> c) & 1) {
                sb_adds(sb, k++ ? ", " : "");
                sb_add_json_str(sb, q->choices[c].value);
            }
        sb_addc(sb, ']');
        break;
    }
    default:
        sb_add_json_str(sb, q->choices[v->choice].value);
    }
}

bool report_json(const struct engine *e, const struct advice *adv,
                 const struct project_files *files, struct strbuf *out, struct la_error *err)
{
    const struct tree *t = e->tree;
    struct tctx *ctx = advice_context(e, adv);
    bool *asked = report_asked(e);
    bool ok = true;

    sb_addf(out, "{\n  \"version\": \"%s\",\n  \"answers\": {", LA_VERSION);
    size_t k = 0;
    for (size_t i = 0; i < t->nquestions; i++) {
        if (!asked[i])
            continue;
        sb_adds(out, k++ ? ",\n    " : "\n    ");
        sb_add_json_str(out, t->questions[i].id);
        sb_adds(out, ": ");
        add_answer(out, &t->questions[i], engine_value(e, i));
    }
    sb_adds(out, "\n  },\n  \"pattern\": ");
    sb_add_json_str(out, advice_setting_str(adv, "pattern"));
    sb_adds(out, ",\n  \"settings\": {");
    k = 0;
    for (size_t i = 0; i < t->nsettings; i++) {
        const struct setting *s = &t->settings[i];
        if (strcmp(s->id, "pattern") == 0 || !adv->setting_shown[i])
            continue;
        sb_adds(out, k++ ? ",\n    " : "\n    ");
        sb_add_json_str(out, s->id);
        if (s->kind == S_NUMBER) /* a JSON number, with its decimals */
            sb_addf(out, ": %s", adv->setting_text[i]);
        else {
            sb_adds(out, ": ");
            sb_add_json_str(out, adv->setting_text[i]);
        }
    }
    sb_adds(out, "\n  },\n  \"recommendations\": [");
    struct strbuf md = STRBUF_INIT;
    for (size_t i = 0; ok && i < adv->nrecs; i++) {
        const struct recommendation *r = adv->recs[i];
        sb_reset(&md);
        ok = report_render_md(r->body, r->id, ctx, &md, err);
        sb_adds(out, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
        sb_add_json_str(out, r->id);
        sb_adds(out, ", \"category\": ");
        sb_add_json_str(out, t->categories[r->category].id);
        sb_addf(out, ", \"priority\": %d, \"title\": ", r->priority);
        sb_add_json_str(out, r->title);
        sb_adds(out, ", \"markdown\": ");
        sb_add_json_str(out, sb_str(&md));
        sb_addc(out, '}');
    }
    sb_finish(&md);
    sb_adds(out, "\n  ],\n  \"files\": [");
    for (size_t i = 0; files && i < files->n; i++) {
        sb_adds(out, i ? ",\n    {\"path\": " : "\n    {\"path\": ");
        sb_add_json_str(out, files->v[i].path);
        sb_adds(out, ", \"content\": ");
        sb_add_json_str(out, files->v[i].content);
        sb_addc(out, '}');
    }
    sb_adds(out, "\n  ]\n}\n");
    free(asked);
    tctx_destroy(ctx);
    return ok;
}
