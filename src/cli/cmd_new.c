/* Placeholder until its issue lands; replaced by the real command. */
#include "cli.h"

int cmd_new(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return cli_fail("'new' is not available yet");
}
