/* `lambda-advisor questions`: every question id, its kind, values and when it is asked. */
#include "cli.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: lambda-advisor questions [--format text|json]\n\n"
    "Lists every question of the decision tree: its id (for --answer ID=VALUE), its kind,\n"
    "its valid values and default, and when it is asked.\n\n"
    "  --format text|json  output format (default: text)\n"
    "  -h, --help          show this help\n";

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

int cmd_questions(int argc, char **argv)
{
    const char *format = "text";
    for (int i = 1; i < argc; i++) {
        int r;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(help, stdout);
            return EXIT_OK;
        }
        if ((r = cli_opt_value(argc, argv, &i, "--format", &format)) < 0)
            return EXIT_USAGE;
        if (r == 0)
            return cli_fail("questions: unknown option '%s' (see lambda-advisor questions --help)",
                            argv[i]);
    }
    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
        return cli_fail("questions: unknown format '%s'; valid formats: text, json", format);
    struct tree *t = cli_tree_load();
    if (t == NULL)
        return EXIT_USAGE;
    struct strbuf sb = STRBUF_INIT;
    if (strcmp(format, "json") == 0)
        json(t, &sb);
    else
        text(t, &sb);
    int rc = cli_write_output(NULL, sb_str(&sb), sb.len, false);
    sb_finish(&sb);
    tree_destroy(t);
    return rc;
}
