/* The JSON report: an array with one object per finding. */
#include "lambda_advisor/rules.h"
#include "lambda_advisor/scan_out.h"
#include "lambda_advisor/strbuf.h"

static void add_str_or_null(struct strbuf *sb, const char *s)
{
    if (s)
        sb_add_json_str(sb, s);
    else
        sb_adds(sb, "null");
}

char *scan_out_json(const struct scan_result *r, size_t *len)
{
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, "[");
    for (size_t i = 0; i < r->n; i++) {
        const struct finding *f = &r->v[i];
        const struct rule *rule = r->rules ? rules_find(r->rules, f->rule) : NULL;
        sb_adds(&sb, i ? ",\n  {" : "\n  {");
        sb_adds(&sb, "\"rule\": ");
        sb_add_json_str(&sb, f->rule);
        sb_addf(&sb, ", \"severity\": \"%s\", \"path\": ", severity_name(f->severity));
        sb_add_json_str(&sb, f->path);
        sb_addf(&sb, ", \"line\": %d, \"column\": %d, \"end_line\": %d, \"end_column\": %d",
                f->line, f->col, f->end_line, f->end_col);
        sb_adds(&sb, ", \"message\": ");
        sb_add_json_str(&sb, f->message);
        sb_adds(&sb, ", \"fix\": ");
        add_str_or_null(&sb, f->fix);
        sb_adds(&sb, ", \"recommendation\": ");
        add_str_or_null(&sb, rule ? rule->recommendation : NULL);
        sb_adds(&sb, ", \"snippet\": ");
        add_str_or_null(&sb, f->snippet);
        sb_adds(&sb, "}");
    }
    sb_adds(&sb, r->n ? "\n]\n" : "]\n");
    *len = sb.len;
    return sb_detach(&sb);
}
