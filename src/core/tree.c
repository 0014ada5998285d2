/* The tree model: lookups, values as text, and freeing. */
#include "cond.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

const struct question *tree_question(const struct tree *t, const char *id)
{
    for (size_t i = 0; i < t->nquestions; i++)
        if (strcmp(t->questions[i].id, id) == 0)
            return &t->questions[i];
    return NULL;
}

const struct setting *tree_setting(const struct tree *t, const char *id)
{
    for (size_t i = 0; i < t->nsettings; i++)
        if (strcmp(t->settings[i].id, id) == 0)
            return &t->settings[i];
    return NULL;
}

static int find_choice(const struct choice *c, size_t n, const char *value)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(c[i].value, value) == 0)
            return (int)i;
    return -1;
}

int question_choice(const struct question *q, const char *value)
{
    return find_choice(q->choices, q->nchoices, value);
}

int setting_value(const struct setting *s, const char *value)
{
    return find_choice(s->values, s->nvalues, value);
}

const char *question_kind_name(enum q_kind k)
{
    static const char *const names[] = {
        [Q_CHOICE] = "choice", [Q_MULTI] = "multi", [Q_NUMBER] = "number", [Q_YESNO] = "yesno"};
    return names[k];
}

char *question_valid_values(const struct question *q)
{
    if (q->kind == Q_NUMBER)
        return xasprintf("a whole number from %ld to %ld", q->min, q->max);
    struct strbuf sb = STRBUF_INIT;
    if (q->kind == Q_MULTI)
        sb_adds(&sb, "a comma-separated list of ");
    for (size_t i = 0; i < q->nchoices; i++) {
        if (i)
            sb_adds(&sb, ", ");
        sb_adds(&sb, q->choices[i].value);
    }
    return sb_detach(&sb);
}

/* Parses a whole decimal number with nothing else around it. */
static bool parse_long(const char *s, long *out)
{
    if (*s == '\0')
        return false;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end != '\0' || end == s || *s == ' ' || *s == '+')
        return false;
    *out = v;
    return true;
}

bool question_parse_value(const struct question *q, const char *text, struct value *out,
                          struct la_error *err)
{
    memset(out, 0, sizeof *out);
    out->set = true;
    switch (q->kind) {
    case Q_NUMBER: {
        long v;
        if (!parse_long(text, &v) || v < q->min || v > q->max) {
            return la_error_set(err, NULL, 0, 0,
                                "invalid value '%s' for %s: expected a whole number from %ld to "
                                "%ld%s%s",
                                text, q->id, q->min, q->max, q->unit ? " " : "",
                                q->unit ? q->unit : "");
        }
        out->num = v;
        return true;
    }
    case Q_CHOICE:
    case Q_YESNO: {
        int c = question_choice(q, text);
        if (c < 0) {
            char *valid = question_valid_values(q);
            la_error_set(err, NULL, 0, 0, "invalid value '%s' for %s: valid values are %s", text,
                         q->id, valid);
            free(valid);
            return false;
        }
        out->choice = c;
        return true;
    }
    case Q_MULTI: {
        const char *p = text;
        while (*p) {
            const char *comma = strchr(p, ',');
            size_t n = comma ? (size_t)(comma - p) : strlen(p);
            while (n && *p == ' ')
                p++, n--;
            while (n && p[n - 1] == ' ')
                n--;
            char *item = xstrndup(p, n);
            int c = question_choice(q, item);
            if (c < 0) {
                char *valid = question_valid_values(q);
                la_error_set(err, NULL, 0, 0, "invalid value '%s' for %s: valid values are %s",
                             item, q->id, valid);
                free(valid);
                free(item);
                return false;
            }
            free(item);
            out->mask |= 1ULL << c;
            if (!comma)
                break;
            p = comma + 1;
        }
        return true;
    }
    }
    return false;
}

char *question_format_value(const struct question *q, const struct value *v)
{
    switch (q->kind) {
    case Q_NUMBER:
        return xasprintf("%ld", v->num);
    case Q_CHOICE:
    case Q_YESNO:
        return xstrdup(q->choices[v->choice].value);
    case Q_MULTI: {
        struct strbuf sb = STRBUF_INIT;
        for (size_t i = 0; i < q->nchoices; i++) {
            if (!((v->mask >> i) & 1))
                continue;
            if (sb.len)
                sb_addc(&sb, ',');
            sb_adds(&sb, q->choices[i].value);
        }
        return sb_detach(&sb);
    }
    }
    return xstrdup("");
}

static void free_choices(struct choice *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(c[i].value);
        free(c[i].label);
        free(c[i].help);
    }
    free(c);
}

void tree_destroy(struct tree *t)
{
    if (t == NULL)
        return;
    for (size_t i = 0; i < t->nquestions; i++) {
        struct question *q = &t->questions[i];
        free(q->id);
        free(q->prompt);
        free(q->help);
        free(q->unit);
        free_choices(q->choices, q->nchoices);
        cond_free(q->when);
    }
    free(t->questions);
    for (size_t i = 0; i < t->nsettings; i++) {
        struct setting *s = &t->settings[i];
        free(s->id);
        free(s->title);
        free(s->unit);
        free_choices(s->values, s->nvalues);
        for (size_t r = 0; r < s->nrules; r++) {
            cond_free(s->rules[r].when);
            expr_free(s->rules[r].value);
            free(s->rules[r].why);
        }
        free(s->rules);
        cond_free(s->when);
    }
    free(t->settings);
    for (size_t i = 0; i < t->ncategories; i++) {
        free(t->categories[i].id);
        free(t->categories[i].title);
    }
    free(t->categories);
    for (size_t i = 0; i < t->nrecs; i++) {
        free(t->recs[i].id);
        free(t->recs[i].title);
        free(t->recs[i].body);
        cond_free(t->recs[i].when);
    }
    free(t->recs);
    for (size_t i = 0; i < t->nfiles; i++)
        free(t->files[i]);
    free(t->files);
    free(t);
}
