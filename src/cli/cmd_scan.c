/* Placeholder until its issue lands; replaced by the real command. */
#include "cli.h"

int cmd_scan(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return cli_fail("'scan' is not available yet");
}
