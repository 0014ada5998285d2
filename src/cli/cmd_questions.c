/* Placeholder until the engine lands. */
#include "cli.h"

int cmd_questions(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return cli_fail("'questions' is not available yet");
}
