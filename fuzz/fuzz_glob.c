/* libFuzzer target: the .gitignore glob matcher. The input is "pattern\npath"; the match
 * must end (bounded work) and agree on trivial cases. */
#include "lambda_advisor/walk.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 1);
    memcpy(buf, data, size);
    buf[size] = '\0';
    char *nl = strchr(buf, '\n');
    const char *pat = buf, *text = "";
    if (nl) {
        *nl = '\0';
        text = nl + 1;
    }
    walk_glob_match(pat, text);
    if (strpbrk(pat, "*?[\\") == NULL && !walk_glob_match(pat, pat))
        abort(); /* a pattern without wildcards matches itself */
    free(buf);
    return 0;
}
