/* --answer / --answers / --defaults: turning scripted answers into engine answers. */
#include "cli.h"
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"
#include "lambda_advisor/ynode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int answer_opts_take(struct answer_opts *o, int id, const char *v)
{
    switch (id) {
    case CLI_OPT_DEFAULTS:
        o->defaults = true;
        return 1;
    case CLI_OPT_ANSWERS:
        o->answers_file = v;
        return 1;
    case CLI_OPT_ANSWER:
        if (strchr(v, '=') == NULL || v[0] == '=') {
            cli_fail("--answer takes ID=VALUE (for example --answer workload=io), not '%s'", v);
            return -1;
        }
        o->answers = xrealloc(o->answers, (o->nanswers + 1) * sizeof *o->answers);
        o->answers[o->nanswers++] = v;
        return 1;
    default:
        return 0;
    }
}

void answer_opts_finish(struct answer_opts *o)
{
    free(o->answers);
    memset(o, 0, sizeof *o);
}

/* A given answer: its text and where it came from (for messages). */
struct given {
    char *text;
    char *where; /* "file:line:col" or "--answer" */
    bool used;
};

static bool unknown_id(const struct tree *t, const char *id, const char *file, int line, int col,
                       struct la_error *err)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < t->nquestions; i++)
        sb_addf(&sb, "%s%s", i ? ", " : "", t->questions[i].id);
    la_error_set(err, file, line, col, "unknown question id '%s'; valid ids: %s", id, sb_str(&sb));
    sb_finish(&sb);
    return false;
}

static bool set_given(const struct tree *t, struct given *g, size_t qi, const char *text,
                      const char *file, int line, int col, struct la_error *err)
{
    struct value v;
    if (!question_parse_value(&t->questions[qi], text, &v, err)) {
        if (file) { /* re-place the message at the value */
            char *msg = xstrdup(err->msg);
            la_error_set(err, file, line, col, "%s", msg);
            free(msg);
        }
        return false;
    }
    free(g[qi].text);
    free(g[qi].where);
    g[qi].text = xstrdup(text);
    g[qi].where = file ? xasprintf("%s:%d:%d", file, line, col) : xstrdup("--answer");
    return true;
}

static bool load_file(const char *path, const struct tree *t, struct given *g, struct la_error *err)
{
    struct ydoc doc;
    if (!ydoc_load_file(&doc, path, 1 << 20, err))
        return false;
    bool ok = true;
    const struct ynode *root = doc.root;
    if (root && root->kind != YN_MAP)
        ok = la_error_set(err, path, root->line, root->col,
                          "the answers file must be a mapping of question id to value, such as "
                          "'workload: io'");
    for (size_t i = 0; ok && root && i + 1 < root->nkids; i += 2) {
        const struct ynode *k = root->kids[i], *v = root->kids[i + 1];
        const struct question *q = k->kind == YN_SCALAR ? tree_question(t, k->value) : NULL;
        if (q == NULL) {
            ok = unknown_id(t, k->kind == YN_SCALAR ? k->value : "?", path, k->line, k->col, err);
            break;
        }
        size_t qi = (size_t)(q - t->questions);
        struct strbuf sb = STRBUF_INIT;
        if (v->kind == YN_SEQ && q->kind == Q_MULTI) {
            for (size_t j = 0; ok && j < v->nkids; j++) {
                if (v->kids[j]->kind != YN_SCALAR)
                    ok = la_error_set(err, path, v->kids[j]->line, v->kids[j]->col,
                                      "values of '%s' must be plain values", q->id);
                else
                    sb_addf(&sb, "%s%s", j ? "," : "", v->kids[j]->value);
            }
        } else if (v->kind != YN_SCALAR) {
            char *valid = question_valid_values(q);
            ok = la_error_set(
                err, path, v->line, v->col, "the answer to '%s' must be %s; valid values: %s",
                q->id, q->kind == Q_MULTI ? "a value or a list of values" : "one value", valid);
            free(valid);
        } else {
            sb_adds(&sb, v->value);
        }
        if (ok)
            ok = set_given(t, g, qi, sb_str(&sb), path, v->line, v->col, err);
        sb_finish(&sb);
    }
    ydoc_finish(&doc);
    return ok;
}

bool answer_opts_apply(const struct answer_opts *o, struct engine *e, struct la_error *err)
{
    const struct tree *t = e->tree;
    struct given *g = xcalloc(t->nquestions + 1, sizeof *g);
    bool ok = true;
    if (o->answers_file)
        ok = load_file(o->answers_file, t, g, err);
    for (size_t i = 0; ok && i < o->nanswers; i++) {
        const char *eq = strchr(o->answers[i], '=');
        char *id = xstrndup(o->answers[i], (size_t)(eq - o->answers[i]));
        const struct question *q = tree_question(t, id);
        if (q == NULL)
            ok = unknown_id(t, id, NULL, 0, 0, err);
        else
            ok = set_given(t, g, (size_t)(q - t->questions), eq + 1, NULL, 0, 0, err);
        free(id);
    }
    long qi;
    while (ok && (qi = engine_next(e)) >= 0) {
        const struct question *q = &t->questions[qi];
        struct value v;
        if (g[qi].text) {
            question_parse_value(q, g[qi].text, &v, NULL);
            g[qi].used = true;
        } else if (o->defaults) {
            v = q->def;
        } else {
            char *valid = question_valid_values(q);
            ok = la_error_set(err, NULL, 0, 0,
                              "no answer for question '%s' (%s); valid values: %s. Give "
                              "--answer %s=VALUE, or --defaults to use its default",
                              q->id, q->prompt, valid, q->id);
            free(valid);
            break;
        }
        ok = engine_answer(e, (size_t)qi, &v, err);
    }
    for (size_t i = 0; i < t->nquestions; i++) {
        if (ok && g[i].text && !g[i].used)
            fprintf(stderr,
                    "lambda-advisor: warning: ignoring %s=%s (%s): the other answers leave "
                    "that question unasked\n",
                    t->questions[i].id, g[i].text, g[i].where);
        free(g[i].text);
        free(g[i].where);
    }
    free(g);
    return ok;
}

bool cli_advice_load(struct cli_advice *ca, const struct answer_opts *o, struct la_error *err)
{
    memset(ca, 0, sizeof *ca);
    ca->tree = tree_load_default(err);
    if (ca->tree == NULL)
        return false;
    engine_init(&ca->eng, ca->tree);
    if (!answer_opts_apply(o, &ca->eng, err))
        return false;
    advice_compute(&ca->adv, &ca->eng);
    return true;
}

void cli_advice_finish(struct cli_advice *ca)
{
    advice_finish(&ca->adv);
    if (ca->tree) {
        engine_finish(&ca->eng);
        tree_destroy(ca->tree);
    }
    memset(ca, 0, sizeof *ca);
}
