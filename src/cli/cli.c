/* Option parsing and output helpers shared by the commands. */
#include "cli.h"
#include "lambda_advisor/fileio.h"

#include <stdio.h>
#include <string.h>

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
