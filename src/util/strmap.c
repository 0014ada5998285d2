/* String-to-index hash map with open addressing and linear probing. */
#include "lambda_advisor/strmap.h"
#include "lambda_advisor/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

uint64_t str_hash(const void *s, size_t n)
{
    const unsigned char *p = s;
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ULL;
    return h;
}

static uint64_t hash(const char *s)
{
    return str_hash(s, strlen(s));
}

static void grow(struct strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 16;
    const char **keys = xcalloc(cap, sizeof *keys);
    size_t *vals = xcalloc(cap, sizeof *vals);
    for (size_t i = 0; i < m->cap; i++) {
        if (m->keys[i] == NULL)
            continue;
        size_t j = hash(m->keys[i]) & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
}

bool strmap_put(struct strmap *m, const char *key, size_t val)
{
    if ((m->n + 1) * 2 > m->cap)
        grow(m);
    size_t j = hash(key) & (m->cap - 1);
    while (m->keys[j]) {
        if (strcmp(m->keys[j], key) == 0)
            return false;
        j = (j + 1) & (m->cap - 1);
    }
    m->keys[j] = key;
    m->vals[j] = val;
    m->n++;
    return true;
}

bool strmap_get(const struct strmap *m, const char *key, size_t *val)
{
    if (m->cap == 0)
        return false;
    size_t j = hash(key) & (m->cap - 1);
    while (m->keys[j]) {
        if (strcmp(m->keys[j], key) == 0) {
            if (val)
                *val = m->vals[j];
            return true;
        }
        j = (j + 1) & (m->cap - 1);
    }
    return false;
}

void strmap_finish(struct strmap *m)
{
    free(m->keys);
    free(m->vals);
    m->keys = NULL;
    m->vals = NULL;
    m->n = m->cap = 0;
}
