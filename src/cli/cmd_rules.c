/* `lambda-advisor rules`, `explain RULE` and `completions SHELL`: the tool explaining itself.
 * Explanations are data: decision-trees/explain/RULE.md, one per rule, embedded like the
 * rest of the knowledge (and layered with the user's own). */
#include "cli.h"
#include "lambda_advisor/data.h"
#include "lambda_advisor/rules.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXPLAIN_DIR "decision-trees/explain/"

static bool load_rules(struct ruleset *rs)
{
    struct la_error err = LA_ERROR_INIT;
    memset(rs, 0, sizeof *rs);
    bool ok = rules_load_default(rs, &err);
    if (!ok)
        cli_fail_error(&err);
    la_error_finish(&err);
    return ok;
}

char *cli_explain_path(const char *rule)
{
    return xasprintf(EXPLAIN_DIR "%s.md", rule);
}

struct ids_arg {
    bool ids;
};

static int take_ids(void *ud, int id, const char *v)
{
    (void)v;
    if (id == CLI_OPT_IDS)
        ((struct ids_arg *)ud)->ids = true;
    return 1;
}

static int no_opts(void *ud, int id, const char *v)
{
    (void)ud, (void)id, (void)v;
    return 1;
}

int cmd_rules(int argc, char **argv)
{
    struct ids_arg a = {false};
    struct cli_parsed p;
    int rc = cli_parse(cli_command("rules"), argc, argv, &p, take_ids, &a);
    if (rc != EXIT_OK)
        return rc == CLI_HELP ? EXIT_OK : rc;
    if (p.nargs)
        return cli_fail("rules: unexpected argument '%s' (lambda-advisor explain %s explains one "
                        "rule)",
                        p.args[0], p.args[0]);
    struct ruleset rs;
    if (!load_rules(&rs)) {
        rules_finish(&rs);
        return EXIT_USAGE;
    }
    struct strbuf sb = STRBUF_INIT;
    bool color = cli_use_color(stdout);
    for (size_t i = 0; i < rs.n; i++) {
        const struct rule *r = &rs.v[i];
        if (a.ids)
            sb_addf(&sb, "%s\n", r->id);
        else
            sb_addf(&sb, "%s%-24s%s %-8s %s\n", color ? "\033[1m" : "", r->id,
                    color ? "\033[0m" : "", severity_name(r->severity),
                    r->title ? r->title : r->message);
    }
    rc = cli_write_output(NULL, sb_str(&sb), sb.len, false);
    sb_finish(&sb);
    rules_finish(&rs);
    return rc;
}

/* Levenshtein distance, for "did you mean". */
static size_t distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    size_t *row = xcalloc(m + 1, sizeof *row);
    for (size_t j = 0; j <= m; j++)
        row[j] = j;
    for (size_t i = 1; i <= n; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    size_t d = row[m];
    free(row);
    return d;
}

/* The closest rule ids (at most 3): ids that contain the query, then by edit distance,
 * within one of the best. */
static void closest(const struct ruleset *rs, const char *q, struct strbuf *sb)
{
    size_t *d = xcalloc(rs->n + 1, sizeof *d), best = (size_t)-1;
    for (size_t i = 0; i < rs->n; i++) {
        d[i] = *q && strstr(rs->v[i].id, q) ? 0 : distance(q, rs->v[i].id);
        if (d[i] < best)
            best = d[i];
    }
    size_t k = 0;
    for (size_t want = best; want <= best + 1 && k < 3; want++)
        for (size_t i = 0; i < rs->n && k < 3; i++)
            if (d[i] == want)
                sb_addf(sb, "%s%s", k++ ? ", " : "", rs->v[i].id);
    free(d);
}

/* Prints Markdown for a terminal: headings bold, code fences dim-free but indented. */
static void render(struct strbuf *sb, const char *md, bool color)
{
    bool code = false;
    for (const char *line = md; *line;) {
        const char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        if (n >= 3 && strncmp(line, "```", 3) == 0) {
            code = !code;
        } else if (code) {
            sb_adds(sb, "    ");
            if (color)
                sb_adds(sb, "\033[32m");
            sb_add(sb, line, n);
            if (color)
                sb_adds(sb, "\033[0m");
            sb_addc(sb, '\n');
        } else if (n > 0 && line[0] == '#') {
            size_t h = 0;
            while (h < n && (line[h] == '#' || line[h] == ' '))
                h++;
            if (color)
                sb_adds(sb, "\033[1m");
            sb_add(sb, line + h, n - h);
            if (color)
                sb_adds(sb, "\033[0m");
            sb_addc(sb, '\n');
        } else {
            sb_add(sb, line, n);
            sb_addc(sb, '\n');
        }
        line += n + (nl != NULL);
    }
}

int cmd_explain(int argc, char **argv)
{
    struct cli_parsed p;
    int rc = cli_parse(cli_command("explain"), argc, argv, &p, no_opts, NULL);
    if (rc != EXIT_OK)
        return rc == CLI_HELP ? EXIT_OK : rc;
    if (p.nargs != 1)
        return cli_fail("explain: which rule? (lambda-advisor explain RULE; lambda-advisor rules "
                        "lists them)");
    const char *id = p.args[0];
    struct ruleset rs;
    if (!load_rules(&rs)) {
        rules_finish(&rs);
        return EXIT_USAGE;
    }
    const struct rule *r = rules_find(&rs, id);
    char *path = cli_explain_path(id);
    const char *md = r ? data_get(path, NULL) : NULL;
    free(path);
    if (r == NULL) {
        struct strbuf near = STRBUF_INIT;
        closest(&rs, id, &near);
        rc = cli_fail("explain: unknown rule '%s'%s%s%s (lambda-advisor rules lists them all)", id,
                      near.len ? "; closest: " : "", sb_str(&near), "");
        sb_finish(&near);
    } else if (md == NULL) {
        rc = cli_fail("explain: rule '%s' has no explanation (" EXPLAIN_DIR "%s.md is missing)", id,
                      id);
    } else {
        bool color = cli_use_color(stdout);
        struct strbuf sb = STRBUF_INIT;
        render(&sb, md, color);
        sb_addf(&sb, "\nSeverity: %s. Defined in %s:%d.\n", severity_name(r->severity), r->file,
                r->line);
        if (r->recommendation) {
            struct tree *t = cli_tree_load();
            const char *title = NULL;
            for (size_t i = 0; t && i < t->nrecs; i++)
                if (strcmp(t->recs[i].id, r->recommendation) == 0)
                    title = t->recs[i].title;
            sb_addf(&sb,
                    "Recommendation: %s%s%s%s (the advice shows it when your answers call for "
                    "it: lambda-advisor advise).\n",
                    r->recommendation, title ? " (\"" : "", title ? title : "", title ? "\")" : "");
            if (t)
                tree_destroy(t);
        }
        rc = cli_write_output(NULL, sb_str(&sb), sb.len, false);
        sb_finish(&sb);
    }
    rules_finish(&rs);
    return rc;
}

/* An explanation's shape: "# ID: title" first, then "## Before" and "## After" sections in
 * that order, each with a fenced example, and every fence closed. Prints the first problem
 * at its place; returns whether there was none. */
bool cli_check_explanation(const char *name, const char *id, const char *md)
{
    const char *why = NULL;
    int line = 1, bad_line = 0, fence_line = 0;
    int before = 0, after = 0, section = 0; /* 1: Before, 2: After */
    bool fenced = false, example[3] = {false, false, false};
    size_t idlen = strlen(id);
    if (strncmp(md, "# ", 2) != 0 || strncmp(md + 2, id, idlen) != 0 || md[2 + idlen] != ':' ||
        md[3 + idlen] != ' ' || md[4 + idlen] == '\n' || md[4 + idlen] == '\0') {
        why = "the first line must be '# RULE: title', with the rule id of the file's name";
        bad_line = 1;
    }
    for (const char *l = md; !why && *l; line++) {
        const char *nl = strchr(l, '\n');
        size_t n = nl ? (size_t)(nl - l) : strlen(l);
        if (n >= 3 && strncmp(l, "```", 3) == 0) {
            fenced = !fenced;
            fence_line = line;
            if (fenced && section)
                example[section] = true;
        } else if (!fenced && n == 9 && strncmp(l, "## Before", 9) == 0) {
            if (before)
                why = "a second '## Before' section", bad_line = line;
            before = line, section = 1;
        } else if (!fenced && n == 8 && strncmp(l, "## After", 8) == 0) {
            if (after)
                why = "a second '## After' section", bad_line = line;
            else if (!before)
                why = "'## After' comes before '## Before'", bad_line = line;
            after = line, section = 2;
        } else if (!fenced && n >= 2 && strncmp(l, "##", 2) == 0) {
            section = 0;
        }
        l += n + (nl != NULL);
    }
    if (!why && fenced)
        why = "this code fence is never closed", bad_line = fence_line;
    else if (!why && !before)
        why = "no '## Before' section (the code that the rule flags)", bad_line = line - 1;
    else if (!why && !after)
        why = "no '## After' section (the code once fixed)", bad_line = line - 1;
    else if (!why && !example[1])
        why = "the '## Before' section has no fenced example", bad_line = before;
    else if (!why && !example[2])
        why = "the '## After' section has no fenced example", bad_line = after;
    if (why)
        cli_fail("%s:%d:1: %s", name, bad_line, why);
    return why == NULL;
}

/* For check: every rule has an explanation and every explanation a rule (the rules'
 * recommendation links are scan_verify_rules' part). Prints each problem; returns the count. */
struct explain_scan {
    const struct ruleset *rs;
    size_t problems, n;
};

static void each_explanation(void *ud, const char *rel)
{
    struct explain_scan *s = ud;
    const char *base = strrchr(rel, '/');
    base = base ? base + 1 : rel;
    size_t n = strlen(base);
    if (n < 4 || strcmp(base + n - 3, ".md") != 0)
        return;
    char *id = xstrndup(base, n - 3);
    s->n++;
    const char *md = data_get(rel, NULL);
    if (md && !cli_check_explanation(rel, id, md))
        s->problems++;
    if (rules_find(s->rs, id) == NULL) {
        cli_fail("%s: explains '%s', which is not a rule (lambda-advisor rules lists them)", rel,
                 id);
        s->problems++;
    }
    free(id);
}

size_t cli_check_explanations(const struct ruleset *rs, size_t *nexpl)
{
    struct explain_scan s = {rs, 0, 0};
    for (size_t i = 0; i < rs->n; i++) {
        const struct rule *r = &rs->v[i];
        char *path = cli_explain_path(r->id);
        if (data_get(path, NULL) == NULL) {
            cli_fail("%s:%d:%d: rule '%s' has no explanation; write %s", r->file, r->line, r->col,
                     r->id, path);
            s.problems++;
        }
        free(path);
    }
    data_each(EXPLAIN_DIR, each_explanation, &s);
    *nexpl = s.n;
    return s.problems;
}

int cmd_completions(int argc, char **argv)
{
    struct cli_parsed p;
    int rc = cli_parse(cli_command("completions"), argc, argv, &p, no_opts, NULL);
    if (rc != EXIT_OK)
        return rc == CLI_HELP ? EXIT_OK : rc;
    struct strbuf sb = STRBUF_INIT;
    if (p.nargs != 1 || !cli_completions(p.args[0], &sb)) {
        sb_finish(&sb);
        return cli_fail("completions: which shell? valid: bash, zsh, fish");
    }
    rc = cli_write_output(NULL, sb_str(&sb), sb.len, false);
    sb_finish(&sb);
    return rc;
}
