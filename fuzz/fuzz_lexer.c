/* libFuzzer target: the Rust lexer and the scopes must accept any bytes, keep offsets, and
 * never crash, loop or read out of bounds. */
#include "lambda_advisor/lexer.h"
#include "lambda_advisor/scope.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct lexed L = LEXED_INIT;
    static struct scoped S = SCOPED_INIT;
    const char *src = (const char *)data;
    lexer_run(src, size, &L);
    if (L.len != size)
        abort();
    uint32_t prev = 0;
    for (size_t i = 0; i < L.ntok; i++) {
        const struct token *t = &L.tok[i];
        if (t->start < prev || (size_t)t->start + t->len > size || t->len == 0)
            abort();
        prev = t->start + t->len;
    }
    for (size_t i = 0; i < size; i++)
        if ((src[i] == '\n') != (L.code[i] == '\n'))
            abort();
    scope_run(src, &L, 0, &S);
    for (size_t i = 0; i < S.nloops; i++)
        if (S.loops[i].close != 0 && S.loops[i].close <= S.loops[i].open)
            abort();
    for (size_t i = 0; i < S.nlets; i++)
        if (!(S.lets[i].let_tok < S.lets[i].eq && S.lets[i].eq < S.lets[i].end) ||
            S.lets[i].end >= S.n)
            abort();
    if (size > 0)
        (void)scope_token_at(&S, size - 1);
    return 0;
}
