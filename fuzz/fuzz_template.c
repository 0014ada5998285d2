/* libFuzzer target: the template engine on arbitrary input, with partials and a context. */
#include "lambda_advisor/template.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *partial(void *ud, const char *name, size_t *len)
{
    (void)ud;
    static const char *const names[] = {"a", "rust/b", "self"};
    static const char *const texts[] = {"A {{x}}\n{{#l}}[{{y}}]{{/l}}\n", "  {{>a}}\nB\n",
                                        "{{>self}}"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(names[i], name) == 0) {
            *len = strlen(texts[i]);
            return texts[i];
        }
    }
    return NULL;
}

/* {{>*p}} can name any of the partials above (and one that does not exist). */
static char **values(void *ud, const char *name)
{
    (void)ud;
    if (strcmp(name, "p") != 0)
        return NULL;
    static const char *const v[] = {"a", "rust/b", "self", "missing"};
    char **out = calloc(5, sizeof *out);
    for (size_t i = 0; out && i < 4; i++)
        out[i] = strdup(v[i]);
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct tctx *c = tctx_create();
    tctx_set(c, "x", "X");
    tctx_set(c, "p", "rust/b");
    tctx_set_bool(c, "t", true);
    tctx_set_bool(c, "f", false);
    tctx_set(tctx_push(c, "l"), "y", "1");
    tctx_set(tctx_push(c, "l"), "y", "2");
    struct strbuf out = STRBUF_INIT;
    struct la_error err = LA_ERROR_INIT;
    template_render((const char *)data, size, "fuzz", c, partial, NULL, &out, &err);
    template_check((const char *)data, size, "fuzz", partial, values, NULL, &err);
    la_error_finish(&err);
    sb_finish(&out);
    tctx_destroy(c);
    return 0;
}
