/* libFuzzer target: the decision-tree loader (YAML reader, validation, satisfiability) and
 * the engine on whatever tree loads. */
#include "lambda_advisor/advice.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* The fuzzer links no shipped data. */
const struct la_embedded {
    const char *path;
    const char *data;
    size_t len;
} la_embedded[] = {{NULL, NULL, 0}};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *name = "fuzz.yaml";
    const char *buf = (const char *)data;
    struct la_error err = LA_ERROR_INIT;
    struct tree *t = tree_load_buffers(&name, &buf, &size, 1, &err);
    la_error_finish(&err);
    if (t == NULL)
        return 0;
    struct engine e;
    engine_init(&e, t);
    engine_fill_defaults(&e);
    struct advice adv;
    advice_compute(&adv, &e);
    advice_finish(&adv);
    while (engine_back(&e))
        ;
    engine_finish(&e);
    tree_destroy(t);
    return 0;
}
