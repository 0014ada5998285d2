/* `lambda-advisor check`: validates decision-tree, rule and template files. */
#include "cli.h"
#include "lambda_advisor/data.h"
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/project.h"
#include "lambda_advisor/rules.h"
#include "lambda_advisor/scan_verify.h"
#include "lambda_advisor/template.h"
#include "lambda_advisor/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int report(struct la_error *err)
{
    int rc = cli_fail_error(err);
    la_error_finish(err);
    return rc;
}

static void report_source(void *ud, struct la_error *err)
{
    (void)ud;
    cli_fail_error(err);
}

struct shipped {
    size_t n;
    int rc;
};

static void check_shipped_template(void *ud, const char *relpath)
{
    struct shipped *s = ud;
    if (!ends_with(relpath, ".tpl"))
        return;
    size_t len;
    const char *src = data_get(relpath, &len);
    struct la_error err = LA_ERROR_INIT;
    if (!template_check(src, len, relpath, project_partial, project_partial_values, NULL, &err))
        s->rc = report(&err);
    s->n++;
}

static struct tree *check_tree(const char **files, size_t n)
{
    struct la_error err = LA_ERROR_INIT;
    struct tree *t = n ? tree_load_files(files, n, &err) : tree_load_default(&err);
    if (t == NULL) {
        report(&err);
        return NULL;
    }
    if (project_check_sources(t, report_source, NULL) > 0) {
        tree_destroy(t);
        return NULL;
    }
    if (!cli_g.quiet)
        printf("ok: decision tree: %zu questions, %zu settings, %zu recommendations\n",
               t->nquestions, t->nsettings, t->nrecs);
    return t;
}

static int no_opts(void *ud, int id, const char *v)
{
    (void)ud, (void)id, (void)v;
    return 1;
}

int cmd_check(int argc, char **argv)
{
    struct cli_parsed p;
    int rc = cli_parse(cli_command("check"), argc, argv, &p, no_opts, NULL);
    if (rc != EXIT_OK)
        return rc == CLI_HELP ? EXIT_OK : rc;
    const char **trees = xcalloc(p.nargs + 1, sizeof *trees);
    size_t ntrees = 0, ntemplates = 0;
    for (size_t i = 0; i < p.nargs; i++) {
        const char *arg = p.args[i];
        if (ends_with(arg, ".tpl")) {
            struct la_error err = LA_ERROR_INIT;
            if (!template_validate(arg, project_partial_values_dir, &err))
                rc = report(&err);
            ntemplates++;
        } else if (ends_with(arg, ".yaml") || ends_with(arg, ".yml")) {
            char *buf = NULL;
            size_t len = 0;
            struct la_error err = LA_ERROR_INIT;
            if (file_read_all(arg, 16u << 20, &buf, &len, &err) && rules_is_rule_file(buf, len)) {
                if (rules_validate_file(arg, &err) && scan_verify_rule_file(arg, &err)) {
                    if (!cli_g.quiet)
                        printf("ok: rules: %s\n", arg);
                } else {
                    rc = report(&err);
                }
            } else {
                trees[ntrees++] = arg; /* the tree loader reports unreadable files */
            }
            la_error_finish(&err);
            free(buf);
        } else if (ends_with(arg, ".md")) {
            char *buf = NULL;
            size_t len = 0;
            struct la_error err = LA_ERROR_INIT;
            const char *base = strrchr(arg, '/');
            base = base ? base + 1 : arg;
            char *id = xstrndup(base, strlen(base) - 3);
            if (!file_read_all(arg, 1u << 20, &buf, &len, &err))
                rc = report(&err);
            else if (!cli_check_explanation(arg, id, buf))
                rc = EXIT_USAGE;
            else if (!cli_g.quiet)
                printf("ok: explanation: %s\n", arg);
            la_error_finish(&err);
            free(buf);
            free(id);
        } else {
            rc = cli_fail("check: %s: not a knowledge file; expected a decision-tree or rule "
                          "file (.yaml), a template (.tpl) or a rule explanation (.md)",
                          arg);
        }
    }
    if (p.nargs == 0) {
        struct tree *t = check_tree(NULL, 0);
        if (t == NULL)
            rc = EXIT_USAGE;
        struct ruleset rs;
        struct la_error err = LA_ERROR_INIT;
        memset(&rs, 0, sizeof rs);
        if (rules_load_default(&rs, &err) && scan_verify_shipped(&err)) {
            if (!cli_g.quiet)
                printf("ok: scan rules: %zu\n", rs.n);
            size_t nexpl;
            if (cli_check_explanations(&rs, &nexpl) > 0)
                rc = EXIT_USAGE;
            else if (!cli_g.quiet)
                printf("ok: %zu rule explanations, one for each rule\n", nexpl);
        } else {
            rc = report(&err);
        }
        rules_finish(&rs);
        if (t)
            tree_destroy(t);
        struct shipped s = {0, EXIT_OK};
        data_each("templates/", check_shipped_template, &s);
        if (s.rc != EXIT_OK)
            rc = s.rc;
        else if (!cli_g.quiet)
            printf("ok: %zu templates\n", s.n);
    } else {
        struct tree *t = ntrees ? check_tree(trees, ntrees) : NULL;
        if (ntrees && t == NULL)
            rc = EXIT_USAGE;
        if (t)
            tree_destroy(t);
        if (ntemplates && rc == EXIT_OK && !cli_g.quiet)
            printf("ok: %zu templates\n", ntemplates);
    }
    free(trees);
    return rc;
}
