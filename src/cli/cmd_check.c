/* `lambda-advisor check`: validates decision-tree, rule and template files. */
#include "cli.h"
#include "lambda_advisor/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: lambda-advisor check [FILE...]\n\n"
    "Validates knowledge files and reports every problem as file:line:col: message.\n"
    "Decision-tree files given together are loaded as one tree. Without FILE, checks\n"
    "the shipped knowledge. Exit 0 when all is valid, 2 otherwise.\n\n"
    "  -h, --help   show this help\n";

int cmd_check(int argc, char **argv)
{
    const char **trees = xcalloc((size_t)argc + 1, sizeof *trees);
    size_t ntrees = 0;
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
        trees[ntrees++] = argv[i];
    }
    struct la_error err = LA_ERROR_INIT;
    struct tree *t = ntrees ? tree_load_files(trees, ntrees, &err) : tree_load_default(&err);
    int rc = EXIT_OK;
    if (t == NULL) {
        rc = cli_fail_error(&err);
    } else {
        printf("ok: %zu questions, %zu settings, %zu recommendations\n", t->nquestions,
               t->nsettings, t->nrecs);
    }
    la_error_finish(&err);
    tree_destroy(t);
    free(trees);
    return rc;
}
