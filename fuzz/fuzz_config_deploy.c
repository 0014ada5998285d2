/* libFuzzer target for the deploy-config reader (SAM / CloudFormation, serverless.yml). */
#include "lambda_advisor/deploy.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"dir/template.yaml", "serverless.yml"};
    struct deploy_file f;
    struct la_error err = LA_ERROR_INIT;
    const char *name = names[size % 2];
    if (deploy_parse(&f, name, (const char *)data, size, &err)) {
        for (size_t i = 0; i < f.nfns; i++) {
            const struct deploy_function *fn = &f.fns[i];
            if (fn->name == NULL || fn->line < 1 || fn->arch_line < 1 || fn->timeout.line < 1 ||
                fn->memory.line < 1)
                abort();
            if (fn->code_dir != NULL && strlen(fn->code_dir) == 0)
                abort();
        }
        deploy_finish(&f);
    } else if (err.msg == NULL) {
        abort();
    }
    la_error_finish(&err);
    return 0;
}
