/* The knowledge in use, in layers: the shipped files (embedded, or the directory named by
 * LAMBDA_ADVISOR_DATA while editing them), under the user's own in
 * $XDG_CONFIG_HOME/lambda-advisor/ (same layout: decision-trees/, templates/). A user file
 * replaces the shipped file of the same relative path; any other adds to it. A project's
 * .lambda-advisor.yaml (read by the scan) sits above both. */
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

static char *user_dir_buf;

const char *data_user_dir(void)
{
    if (user_dir_buf)
        return user_dir_buf;
    const char *x = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    if (x && x[0] == '/') /* the spec: a relative XDG_CONFIG_HOME is ignored */
        user_dir_buf = xasprintf("%s/lambda-advisor", x);
    else if (home && home[0])
        user_dir_buf = xasprintf("%s/.config/lambda-advisor", home);
    else
        return NULL;
    return user_dir_buf;
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* A file read from disk (the override directory or the user's layer), cached. */
static const char *cached_read(const char *key, const char *full, size_t *len)
{
    for (size_t i = 0; i < ncache; i++) {
        if (strcmp(cache[i].path, key) == 0) {
            if (len)
                *len = cache[i].len;
            return cache[i].data;
        }
    }
    char *buf;
    size_t n;
    if (!file_read_all(full, 0, &buf, &n, NULL))
        return NULL;
    cache = xgrow(cache, &capcache, ncache + 1, sizeof *cache);
    cache[ncache++] = (struct cached){xstrdup(key), buf, n};
    if (len)
        *len = n;
    return buf;
}

static const char *shipped_get(const char *relpath, size_t *len);

const char *data_get(const char *relpath, size_t *len)
{
    if (relpath[0] == '/') /* a user file, as data_each names it */
        return cached_read(relpath, relpath, len);
    const char *user = data_user_dir();
    if (user) {
        char *full = xasprintf("%s/%s", user, relpath);
        const char *s = is_file(full) ? cached_read(full, full, len) : NULL;
        free(full);
        if (s)
            return s;
    }
    return shipped_get(relpath, len);
}

static const char *shipped_get(const char *relpath, size_t *len)
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
    char *full = xasprintf("%s/%s", dir, relpath);
    const char *s = cached_read(relpath, full, len);
    free(full);
    return s;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The knowledge is a few levels deep; a symbolic link that loops stops here. */
#define WALK_MAX_DEPTH 8

/* Lists the files under root/rel (a symbolic link to a directory is not followed). A FIFO or
 * device among them is listed too: its reader refuses it by name, never blocks on it. */
static void walk(const char *root, const char *rel, int depth, char ***out, size_t *n, size_t *cap)
{
    if (depth > WALK_MAX_DEPTH)
        return;
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
        if (lstat(f, &st) == 0 && S_ISDIR(st.st_mode)) { /* not through symbolic links */
            walk(root, r, depth + 1, out, n, cap);
            free(r);
        } else if (lstat(f, &st) == 0) {
            /* every other entry, so that a FIFO, a device or a dangling link is refused by
             * file_read_all (never opened blocking) and named, not silently skipped */
            *out = xgrow(*out, cap, *n + 1, sizeof **out);
            (*out)[(*n)++] = r;
        } else {
            free(r);
        }
        free(f);
    }
    closedir(d);
}

static void free_list(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* The relative paths of the shipped files (sorted), new strings. */
static void shipped_list(char ***out, size_t *n, size_t *cap)
{
    const char *dir = override_dir();
    if (dir == NULL) {
        for (const struct la_embedded *e = la_embedded; e->path; e++) {
            *out = xgrow(*out, cap, *n + 1, sizeof **out);
            (*out)[(*n)++] = xstrdup(e->path);
        }
        return;
    }
    walk(dir, "", 0, out, n, cap);
    if (*n > 1)
        qsort(*out, *n, sizeof **out, cmp_str);
}

static void user_list(char ***out, size_t *n, size_t *cap)
{
    const char *user = data_user_dir();
    if (user == NULL)
        return;
    walk(user, "", 0, out, n, cap);
    if (*n > 1)
        qsort(*out, *n, sizeof **out, cmp_str);
}

void data_each(const char *prefix, void (*fn)(void *ud, const char *relpath), void *ud)
{
    size_t plen = strlen(prefix);
    char **ship = NULL, **mine = NULL;
    size_t ns = 0, nm = 0, cs = 0, cm = 0;
    shipped_list(&ship, &ns, &cs);
    user_list(&mine, &nm, &cm);
    const char *user = data_user_dir();
    /* merge the two sorted lists; a user file replaces the shipped one of its path */
    for (size_t i = 0, j = 0; i < ns || j < nm;) {
        int c = i == ns ? 1 : j == nm ? -1 : strcmp(ship[i], mine[j]);
        const char *rel = c <= 0 ? ship[i] : mine[j];
        if (strncmp(rel, prefix, plen) == 0) {
            if (c >= 0) {
                char *full = xasprintf("%s/%s", user, mine[j]);
                fn(ud, full);
                free(full);
            } else {
                fn(ud, rel);
            }
        }
        if (c <= 0)
            i++;
        if (c >= 0)
            j++;
    }
    free_list(ship, ns);
    free_list(mine, nm);
}

char *data_layers(void)
{
    struct strbuf sb = STRBUF_INIT;
    char **ship = NULL, **mine = NULL;
    size_t ns = 0, nm = 0, cs = 0, cm = 0;
    shipped_list(&ship, &ns, &cs);
    user_list(&mine, &nm, &cm);
    const char *dir = override_dir(), *user = data_user_dir();
    sb_adds(&sb, "knowledge, from lowest to highest precedence:\n");
    if (dir)
        sb_addf(&sb, "  1. shipped: %s (LAMBDA_ADVISOR_DATA), %zu files\n", dir, ns);
    else
        sb_addf(&sb, "  1. shipped: embedded in the binary, %zu files\n", ns);
    if (user == NULL)
        sb_adds(&sb, "  2. user: none (neither XDG_CONFIG_HOME nor HOME is set)\n");
    else if (nm == 0)
        sb_addf(&sb, "  2. user: %s: no files\n", user);
    else
        sb_addf(&sb, "  2. user: %s, %zu files\n", user, nm);
    for (size_t j = 0; j < nm; j++) {
        bool replaces = ns && bsearch(&mine[j], ship, ns, sizeof *ship, cmp_str) != NULL;
        sb_addf(&sb, "     %s/%s (%s)\n", user, mine[j],
                replaces ? "replaces the shipped file" : "adds to the shipped files");
    }
    sb_adds(&sb, "  3. project: the nearest .lambda-advisor.yaml at or above each scanned path, "
                 "or --config FILE (scan only)\n");
    free_list(ship, ns);
    free_list(mine, nm);
    return sb_detach(&sb);
}
