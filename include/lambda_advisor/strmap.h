/* A string-to-index map (open addressing, FNV-1a), so that id lookups stay O(1) and
 * loading stays linear in the size of a tree. Keys are borrowed, not copied. */
#ifndef LA_STRMAP_H
#define LA_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strmap {
    const char **keys;
    size_t *vals;
    size_t n, cap; /* cap is 0 or a power of two */
};

#define STRMAP_INIT                                                                                \
    {                                                                                              \
        NULL, NULL, 0, 0                                                                           \
    }

/* Inserts key -> val unless key is present; returns false (and leaves it) if present. */
bool strmap_put(struct strmap *m, const char *key, size_t val);
/* Returns true and sets *val when key is present. */
bool strmap_get(const struct strmap *m, const char *key, size_t *val);
void strmap_finish(struct strmap *m);
/* FNV-1a over n bytes: the one string hash of the project's in-memory tables. */
uint64_t str_hash(const void *s, size_t n);

#endif
