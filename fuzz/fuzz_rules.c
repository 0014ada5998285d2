/* libFuzzer target: the rule loader (YAML, every field, PCRE2 compilation of user patterns),
 * as `scan --rules FILE` and `check FILE` run it. */
#include "lambda_advisor/rules.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ruleset rs = {0};
    struct la_error err = LA_ERROR_INIT;
    rules_load_buffer(&rs, "fuzz.yaml", (const char *)data, size, &err);
    la_error_finish(&err);
    rules_finish(&rs);
    rules_is_rule_file((const char *)data, size);
    return 0;
}
