/* Shipped knowledge: embedded files, or a directory that overrides them for development. */
#include "lambda_advisor/data.h"
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct la_embedded {
    const char *path;
    const char *data;
    size_t len;
};
extern const struct la_embedded la_embedded[];

/* Files read from LAMBDA_ADVISOR_DATA are cached for the life of the process. */
struct cached {
    char *path;
    char *data;
    size_t len;
};
static struct cached *cache;
static size_t ncache, capcache;

static const char *override_dir(void)
{
    const char *d = getenv("LAMBDA_ADVISOR_DATA");
    return d && *d ? d : NULL;
}

const char *data_get(const char *relpath, size_t *len)
{
    const char *dir = override_dir();
    if (dir == NULL) {
        for (const struct la_embedded *e = la_embedded; e->path; e++) {
            if (strcmp(e->path, relpath) == 0) {
                if (len)
                    *len = e->len;
                return e->data;
            }
        }
        return NULL;
    }
    for (size_t i = 0; i < ncache; i++) {
        if (strcmp(cache[i].path, relpath) == 0) {
            if (len)
                *len = cache[i].len;
            return cache[i].data;
        }
    }
    char *full = xasprintf("%s/%s", dir, relpath);
    char *buf;
    size_t n;
    bool ok = file_read_all(full, 0, &buf, &n, NULL);
    free(full);
    if (!ok)
        return NULL;
    cache = xgrow(cache, &capcache, ncache + 1, sizeof *cache);
    cache[ncache++] = (struct cached){xstrdup(relpath), buf, n};
    if (len)
        *len = n;
    return buf;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(const char *root, const char *rel, char ***out, size_t *n, size_t *cap)
{
    char *full = rel[0] ? xasprintf("%s/%s", root, rel) : xstrdup(root);
    DIR *d = opendir(full);
    free(full);
    if (d == NULL)
        return;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.' || strcmp(de->d_name, "meson.build") == 0)
            continue;
        char *r = rel[0] ? xasprintf("%s/%s", rel, de->d_name) : xstrdup(de->d_name);
        char *f = xasprintf("%s/%s", root, r);
        struct stat st;
        if (stat(f, &st) == 0 && S_ISDIR(st.st_mode)) {
            walk(root, r, out, n, cap);
            free(r);
        } else {
            *out = xgrow(*out, cap, *n + 1, sizeof **out);
            (*out)[(*n)++] = r;
        }
        free(f);
    }
    closedir(d);
}

void data_each(const char *prefix, void (*fn)(void *ud, const char *relpath), void *ud)
{
    const char *dir = override_dir();
    size_t plen = strlen(prefix);
    if (dir == NULL) {
        for (const struct la_embedded *e = la_embedded; e->path; e++)
            if (strncmp(e->path, prefix, plen) == 0)
                fn(ud, e->path);
        return;
    }
    char **paths = NULL;
    size_t n = 0, cap = 0;
    walk(dir, "", &paths, &n, &cap);
    qsort(paths, n, sizeof *paths, cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (strncmp(paths[i], prefix, plen) == 0)
            fn(ud, paths[i]);
        free(paths[i]);
    }
    free(paths);
}
