/* Placeholder until the engine lands. */
#include "cli.h"

int cmd_check(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return cli_fail("'check' is not available yet");
}
