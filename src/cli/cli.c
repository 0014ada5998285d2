/* Option parsing and output helpers shared by the commands. */
#include "cli.h"
#include "lambda_advisor/fileio.h"

#include <stdio.h>
#include <string.h>

int cli_opt_value(int argc, char **argv, int *i, const char *name, const char **value)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0)
        return 0;
    if (a[n] == '=') {
        *value = a + n + 1;
        return 1;
    }
    if (a[n] != '\0')
        return 0;
    if (*i + 1 >= argc) {
        cli_fail("%s needs a value", name);
        return -1;
    }
    *value = argv[++*i];
    return 1;
}

int cli_write_output(const char *path, const char *data, size_t len, bool force)
{
    if (path == NULL || strcmp(path, "-") == 0) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
            return cli_fail("cannot write to standard output");
        return EXIT_OK;
    }
    struct la_error err = LA_ERROR_INIT;
    if (!file_write_atomic(path, data, len, force, &err)) {
        int rc = cli_fail_error(&err);
        la_error_finish(&err);
        return rc;
    }
    return EXIT_OK;
}

struct tree *cli_tree_load(void)
{
    struct la_error err = LA_ERROR_INIT;
    struct tree *t = tree_load_default(&err);
    if (t == NULL)
        cli_fail_error(&err);
    la_error_finish(&err);
    return t;
}

int cli_answers_help(const char *head, const char *tail)
{
    fputs(head, stdout);
    fputs(answer_opts_help, stdout);
    fputs(tail, stdout);
    return EXIT_OK;
}
