/* libFuzzer target for the TOML reader: any input is a clean parse or a located error. */
#include "lambda_advisor/toml.h"

#include <stdint.h>
#include <stdlib.h>

/* Touches every value so that places and strings are read back under the sanitizers. */
static size_t walk(const struct toml_value *v)
{
    size_t n = (size_t)v->line + (size_t)v->col;
    if (v->str != NULL)
        n += v->len + (size_t)(unsigned char)v->str[v->len];
    for (size_t i = 0; i < v->nitems; i++)
        n += walk(v->items[i]);
    for (size_t i = 0; i < v->nkvs; i++) {
        n += (size_t)v->kvs[i].line;
        if (toml_find(v, v->kvs[i].key) == NULL)
            abort(); /* every key must be found again */
        n += walk(v->kvs[i].value);
    }
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct toml_doc doc;
    struct la_error err = LA_ERROR_INIT;
    if (toml_parse(&doc, "fuzz.toml", (const char *)data, size, &err)) {
        if (doc.root == NULL || doc.root->type != TOML_TABLE)
            abort();
        (void)walk(doc.root);
        toml_finish(&doc);
    } else if (err.line < 1 || err.col < 1 || err.msg == NULL) {
        abort(); /* every error has its place */
    }
    la_error_finish(&err);
    return 0;
}
