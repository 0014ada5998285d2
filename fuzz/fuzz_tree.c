/* libFuzzer target: the decision-tree loader (YAML reader, validation, satisfiability), the
 * engine on whatever tree loads, and the report renderers (Markdown, JSON) on its advice. */
#include "lambda_advisor/advice.h"
#include "lambda_advisor/report.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

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
    struct strbuf out = STRBUF_INIT;
    struct la_error rerr = LA_ERROR_INIT;
    report_markdown(&e, &adv, NULL, &out, &rerr);
    la_error_finish(&rerr);
    sb_finish(&out);
    report_json(&e, &adv, NULL, &out, &rerr);
    la_error_finish(&rerr);
    sb_finish(&out);
    advice_finish(&adv);
    while (engine_back(&e))
        ;
    engine_finish(&e);
    tree_destroy(t);
    return 0;
}
