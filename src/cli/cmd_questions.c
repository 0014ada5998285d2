/* `lambda-advisor questions`: every question id, its kind, values and when it is asked. */
#include "cli.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void text(const struct tree *t, struct strbuf *sb)
{
    for (size_t i = 0; i < t->nquestions; i++) {
        const struct question *q = &t->questions[i];
        char *def = question_format_value(q, &q->def);
        char *when = tree_question_when(t, q);
        sb_addf(sb, "%s (%s): %s\n", q->id, question_kind_name(q->kind), q->prompt);
        if (q->kind == Q_NUMBER) {
            sb_addf(sb, "  values: %ld to %ld%s%s\n", q->min, q->max, q->unit ? " " : "",
                    q->unit ? q->unit : "");
        } else {
            sb_adds(sb, "  values:\n");
            for (size_t c = 0; c < q->nchoices; c++)
                sb_addf(sb, "    %-18s %s\n", q->choices[c].value, q->choices[c].label);
        }
        sb_addf(sb, "  default: %s\n  asked: %s\n\n", *def ? def : "(none)", when);
        free(def);
        free(when);
    }
}

static void json(const struct tree *t, struct strbuf *sb)
{
    sb_adds(sb, "[\n");
    for (size_t i = 0; i < t->nquestions; i++) {
        const struct question *q = &t->questions[i];
        char *when = tree_question_when(t, q);
        sb_adds(sb, "  {\"id\": ");
        sb_add_json_str(sb, q->id);
        sb_addf(sb, ", \"kind\": \"%s\", \"prompt\": ", question_kind_name(q->kind));
        sb_add_json_str(sb, q->prompt);
        if (q->help) {
            sb_adds(sb, ", \"help\": ");
            sb_add_json_str(sb, q->help);
        }
        sb_adds(sb, ", \"default\": ");
        if (q->kind == Q_NUMBER) {
            sb_addf(sb, "%ld, \"min\": %ld, \"max\": %ld", q->def.num, q->min, q->max);
            if (q->unit) {
                sb_adds(sb, ", \"unit\": ");
                sb_add_json_str(sb, q->unit);
            }
        } else if (q->kind == Q_MULTI) {
            sb_addc(sb, '[');
            for (size_t c = 0, k = 0; c < q->nchoices; c++)
                if ((q->def.mask >> c) & 1) {
                    sb_adds(sb, k++ ? ", " : "");
                    sb_add_json_str(sb, q->choices[c].value);
                }
            sb_addc(sb, ']');
        } else {
            sb_add_json_str(sb, q->choices[q->def.choice].value);
        }
        if (q->kind != Q_NUMBER) {
            sb_adds(sb, ", \"choices\": [");
            for (size_t c = 0; c < q->nchoices; c++) {
                sb_adds(sb, c ? ", {\"value\": " : "{\"value\": ");
                sb_add_json_str(sb, q->choices[c].value);
                sb_adds(sb, ", \"label\": ");
                sb_add_json_str(sb, q->choices[c].label);
                if (q->choices[c].help) {
                    sb_adds(sb, ", \"help\": ");
                    sb_add_json_str(sb, q->choices[c].help);
                }
                sb_addc(sb, '}');
            }
            sb_addc(sb, ']');
        }
        sb_adds(sb, ", \"asked\": ");
        sb_add_json_str(sb, when);
        sb_adds(sb, i + 1 < t->nquestions ? "},\n" : "}\n");
        free(when);
    }
    sb_adds(sb, "]\n");
}

struct questions_args {
    const char *format, *values;
    bool ids;
};

static int take(void *ud, int id, const char *v)
{
    struct questions_args *a = ud;
    if (id == CLI_OPT_FORMAT)
        a->format = v;
    else if (id == CLI_OPT_IDS)
        a->ids = true;
    else if (id == CLI_OPT_VALUES)
        a->values = v;
    return 1;
}

/* --ids, --values ID: bare words for shell completion. */
static bool words(const struct tree *t, const struct questions_args *a, struct strbuf *sb)
{
    if (a->ids) {
        for (size_t i = 0; i < t->nquestions; i++)
            sb_addf(sb, "%s\n", t->questions[i].id);
        return true;
    }
    const struct question *q = tree_question(t, a->values);
    if (q == NULL)
        return false;
    if (q->kind == Q_NUMBER)
        sb_addf(sb, "%ld\n%ld\n", q->min, q->max);
    for (size_t c = 0; c < q->nchoices; c++)
        sb_addf(sb, "%s\n", q->choices[c].value);
    return true;
}

int cmd_questions(int argc, char **argv)
{
    struct questions_args a = {.format = "text"};
    struct cli_parsed p;
    int rc = cli_parse(cli_command("questions"), argc, argv, &p, take, &a);
    if (rc != EXIT_OK)
        return rc == CLI_HELP ? EXIT_OK : rc;
    if (p.nargs)
        return cli_fail("questions: unexpected argument '%s' (see lambda-advisor questions --help)",
                        p.args[0]);
    const char *format = a.format;
    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
        return cli_fail("questions: unknown format '%s'; valid formats: text, json", format);
    struct tree *t = cli_tree_load();
    if (t == NULL)
        return EXIT_USAGE;
    struct strbuf sb = STRBUF_INIT;
    if (a.ids || a.values) {
        if (!words(t, &a, &sb)) {
            sb_finish(&sb);
            tree_destroy(t);
            return cli_fail("questions: unknown question id '%s' (lambda-advisor questions --ids "
                            "lists them)",
                            a.values);
        }
    } else if (strcmp(format, "json") == 0)
        json(t, &sb);
    else
        text(t, &sb);
    rc = cli_write_output(NULL, sb_str(&sb), sb.len, false);
    sb_finish(&sb);
    tree_destroy(t);
    return rc;
}
