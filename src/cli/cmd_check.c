/* `lambda-advisor check`: validates decision-tree, rule and template files. */
#include "cli.h"
#include "lambda_advisor/data.h"
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/project.h"
#include "lambda_advisor/rules.h"
#include "lambda_advisor/template.h"
#include "lambda_advisor/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: lambda-advisor check [FILE...]\n\n"
    "Validates knowledge files and reports every problem as file:line:col: message.\n"
    "  *.yaml      decision-tree files (given together, they are loaded as one tree), or\n"
    "              rule files for the scan (a mapping with a `rules` list)\n"
    "  *.tpl       templates (partials are looked up under the nearest templates/)\n"
    "Without FILE, checks the shipped knowledge. Exit 0 when all is valid, 2 otherwise.\n\n"
    "  -h, --help   show this help\n";

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
    if (!template_check(src, len, relpath, project_partial, NULL, &err))
        s->rc = report(&err);
    s->n++;
}

static int check_tree(const char **files, size_t n)
{
    struct la_error err = LA_ERROR_INIT;
    struct tree *t = n ? tree_load_files(files, n, &err) : tree_load_default(&err);
    if (t == NULL)
        return report(&err);
    if (!project_check_sources(t, &err)) {
        tree_destroy(t);
        return report(&err);
    }
    printf("ok: decision tree: %zu questions, %zu settings, %zu recommendations\n", t->nquestions,
           t->nsettings, t->nrecs);
    tree_destroy(t);
    return EXIT_OK;
}

int cmd_check(int argc, char **argv)
{
    const char **trees = xcalloc((size_t)argc + 1, sizeof *trees);
    size_t ntrees = 0, ntemplates = 0;
    int rc = EXIT_OK;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(help, stdout);
            free(trees);
            return EXIT_OK;
        }
        if (argv[i][0] == '-' && argv[i][1] != '\0') {
            free(trees);
            return cli_fail("check: unknown option '%s' (see lambda-advisor check --help)",
                            argv[i]);
        }
    }
    for (int i = 1; i < argc; i++) {
        if (ends_with(argv[i], ".tpl")) {
            struct la_error err = LA_ERROR_INIT;
            if (!template_validate(argv[i], &err))
                rc = report(&err);
            ntemplates++;
        } else if (ends_with(argv[i], ".yaml") || ends_with(argv[i], ".yml")) {
            char *buf = NULL;
            size_t len = 0;
            struct la_error err = LA_ERROR_INIT;
            if (file_read_all(argv[i], 16u << 20, &buf, &len, &err) &&
                rules_is_rule_file(buf, len)) {
                if (rules_validate_file(argv[i], &err))
                    printf("ok: rules: %s\n", argv[i]);
                else
                    rc = report(&err);
            } else {
                trees[ntrees++] = argv[i]; /* the tree loader reports unreadable files */
            }
            la_error_finish(&err);
            free(buf);
        } else {
            rc = cli_fail("check: %s: not a knowledge file; expected a decision-tree file "
                          "(.yaml) or a template (.tpl)",
                          argv[i]);
        }
    }
    if (argc < 2) {
        rc = check_tree(NULL, 0);
        struct ruleset rs;
        struct la_error err = LA_ERROR_INIT;
        memset(&rs, 0, sizeof rs);
        if (rules_load_default(&rs, &err))
            printf("ok: scan rules: %zu\n", rs.n);
        else
            rc = report(&err);
        rules_finish(&rs);
        struct shipped s = {0, EXIT_OK};
        data_each("templates/", check_shipped_template, &s);
        if (s.rc != EXIT_OK)
            rc = s.rc;
        else
            printf("ok: %zu templates\n", s.n);
    } else {
        if (ntrees && check_tree(trees, ntrees) != EXIT_OK)
            rc = EXIT_USAGE;
        if (ntemplates && rc == EXIT_OK)
            printf("ok: %zu templates\n", ntemplates);
    }
    free(trees);
    return rc;
}
