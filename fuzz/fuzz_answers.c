/* libFuzzer target: an answers file (--answers FILE) applied to the shipped tree, then the
 * advice and its Markdown report. */
#include "../src/cli/cli.h"
#include "lambda_advisor/advice.h"
#include "lambda_advisor/report.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* main.c (not linked) prints these; here they only return the usage exit code. */
int cli_fail(const char *fmt, ...)
{
    (void)fmt;
    return 2;
}

int cli_fail_error(const struct la_error *err)
{
    (void)err;
    return 2;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct tree *t;
    static char path[64];
    if (t == NULL) {
        struct la_error err = LA_ERROR_INIT;
        t = tree_load_default(&err);
        if (t == NULL)
            abort();
        snprintf(path, sizeof path, "/tmp/la-fuzz-answers-%ld.yaml", (long)getpid());
    }
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        abort();
    fwrite(data, 1, size, f);
    fclose(f);
    struct answer_opts o = {0};
    o.answers_file = path;
    o.defaults = true; /* unanswered questions take their defaults: the advice is reached */
    struct engine e;
    engine_init(&e, t);
    struct la_error err = LA_ERROR_INIT;
    if (answer_opts_apply(&o, &e, &err)) {
        struct advice adv;
        advice_compute(&adv, &e);
        struct strbuf out = STRBUF_INIT;
        report_markdown(&e, &adv, NULL, &out, &err);
        sb_finish(&out);
        advice_finish(&adv);
    }
    la_error_finish(&err);
    engine_finish(&e);
    unlink(path);
    return 0;
}
