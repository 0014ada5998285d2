/* libFuzzer target: the whole Rust pass on one file: lexer, scopes, every shipped rule
 * (prefilters, PCRE2 patterns, structural checks), suppressions and findings. */
#include "../src/scan/scan_int.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct ruleset rs;
    static struct worker w;
    static bool ready;
    if (!ready) {
        struct la_error err = LA_ERROR_INIT;
        if (!rules_load_default(&rs, &err))
            abort();
        worker_init(&w, &rs, NULL);
        ready = true;
    }
    struct file_facts facts;
    scan_rust(&w, "fuzz.rs", (const char *)data, size, true, 0, false, &facts);
    scan_rust(&w, "fuzz.rs", (const char *)data, size, false, 0, false, &facts);
    for (size_t i = 0; i < w.out.n; i++)
        if (w.out.v[i].line < 1 || w.out.v[i].col < 1)
            abort();
    fvec_finish(&w.out);
    return 0;
}
