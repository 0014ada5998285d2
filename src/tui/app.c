/* Placeholder until the guided session lands: points at `advise`. */
#include "../cli/cli.h"

#include <stdio.h>

int tui_main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "lambda-advisor: the guided session is not available yet; "
                    "use 'lambda-advisor advise --defaults'\n");
    return EXIT_USAGE;
}
