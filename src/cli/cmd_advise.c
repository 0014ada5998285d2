/* Placeholder until the engine lands. */
#include "cli.h"

int cmd_advise(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return cli_fail("'advise' is not available yet");
}
