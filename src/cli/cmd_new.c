/* `lambda-advisor new`: writes a cargo-lambda project for the advice into a directory. */
#include "cli.h"
#include "lambda_advisor/advice.h"
#include "lambda_advisor/project.h"
#include "lambda_advisor/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char help_head[] =
    "usage: lambda-advisor new DIR [--answer ID=VALUE]... [--answers FILE] [--defaults]\n"
    "                          [--ci github] [--name NAME] [--force]\n\n"
    "Writes a cargo-lambda project for the advice into DIR: Cargo.toml, src/main.rs (the\n"
    "handler, with tests), a sample event under events/, a README and, with --ci github, a\n"
    "GitHub Actions workflow. DIR must be empty or missing unless --force. The project is\n"
    "written to a temporary directory next to DIR first, so a failure leaves nothing behind.\n\n";
static const char help_tail[] =
    "  --ci github             add .github/workflows/deploy.yml (cargo-lambda, OIDC role)\n"
    "  --name NAME             the crate name (default: DIR's name, or my-function)\n"
    "  --force                 write into a non-empty DIR, replacing the generated files\n"
    "  -h, --help              show this help\n\n"
    "Example: lambda-advisor new orders --defaults --answer event_source=sqs\n";

/* 1: a directory with entries, 0: empty or missing, -1: not a directory / unreadable. */
static int dir_state(const char *dir)
{
    struct stat st;
    if (lstat(dir, &st) != 0)
        return errno == ENOENT ? 0 : -1;
    if (!S_ISDIR(st.st_mode))
        return -1;
    DIR *d = opendir(dir);
    if (d == NULL)
        return -1;
    int state = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0) {
            state = 1;
            break;
        }
    }
    closedir(d);
    return state;
}

/* Creates the directories of rel (a checked relative path) under root, refusing to pass
 * through anything that is not a real directory (a symlink could lead outside root). */
static bool make_parents(const char *root, const char *rel, struct la_error *err)
{
    char *path = xasprintf("%s/%s", root, rel);
    char *start = path + strlen(root) + 1;
    bool ok = true;
    for (char *s = strchr(start, '/'); ok && s; s = strchr(s + 1, '/')) {
        *s = '\0';
        struct stat st;
        if (lstat(path, &st) == 0) {
            if (!S_ISDIR(st.st_mode))
                ok = la_error_set(err, path, 0, 0, "exists and is not a directory");
        } else if (mkdir(path, 0755) != 0) {
            ok = la_error_set(err, path, 0, 0, "cannot create directory: %s", strerror(errno));
        }
        *s = '/';
    }
    free(path);
    return ok;
}

static bool write_new_file(const char *path, const char *data, struct la_error *err)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0)
        return la_error_set(err, path, 0, 0, "cannot create: %s", strerror(errno));
    size_t len = strlen(data), off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            int e = errno;
            close(fd);
            return la_error_set(err, path, 0, 0, "cannot write: %s", strerror(e));
        }
        off += (size_t)w;
    }
    if (fsync(fd) != 0 || close(fd) != 0)
        return la_error_set(err, path, 0, 0, "cannot write: %s", strerror(errno));
    return true;
}

/* Removes the temporary tree (only what we wrote into it). */
static void remove_tree(const char *root, const struct project_files *files)
{
    for (size_t i = 0; i < files->n; i++) {
        char *p = xasprintf("%s/%s", root, files->v[i].path);
        unlink(p);
        /* Then its now-empty parents, deepest first. */
        for (char *s = strrchr(p, '/'); s && s > p + strlen(root); s = strrchr(p, '/')) {
            *s = '\0';
            if (rmdir(p) != 0)
                break;
        }
        free(p);
    }
    rmdir(root);
}

/* A temporary directory next to dir, on the same filesystem so rename() can move it. */
static char *make_temp_sibling(const char *dir, struct la_error *err)
{
    char *copy = xstrdup(dir);
    size_t n = strlen(copy);
    while (n > 1 && copy[n - 1] == '/')
        copy[--n] = '\0';
    char *slash = strrchr(copy, '/');
    char *tmpl;
    if (slash == NULL)
        tmpl = xasprintf(".%s.new-XXXXXX", copy);
    else if (slash == copy)
        tmpl = xasprintf("/.%s.new-XXXXXX", slash + 1);
    else
        tmpl = xasprintf("%.*s/.%s.new-XXXXXX", (int)(slash - copy), copy, slash + 1);
    free(copy);
    if (mkdtemp(tmpl) == NULL) {
        la_error_set(err, dir, 0, 0, "cannot create a temporary directory next to it: %s",
                     strerror(errno));
        free(tmpl);
        return NULL;
    }
    return tmpl;
}

/* Moves the prepared files from tmp into an existing dir (with --force), one rename each. */
static bool move_into(const char *tmp, const char *dir, const struct project_files *files,
                      struct la_error *err)
{
    for (size_t i = 0; i < files->n; i++) {
        const char *rel = files->v[i].path;
        if (!make_parents(dir, rel, err))
            return false;
        char *from = xasprintf("%s/%s", tmp, rel), *to = xasprintf("%s/%s", dir, rel);
        struct stat st;
        bool ok = true;
        if (lstat(to, &st) == 0 && S_ISDIR(st.st_mode))
            ok = la_error_set(err, to, 0, 0, "is a directory; not replacing it");
        else if (rename(from, to) != 0)
            ok = la_error_set(err, to, 0, 0, "cannot write: %s", strerror(errno));
        free(from);
        free(to);
        if (!ok)
            return false;
    }
    return true;
}

static bool write_project(const char *dir, const struct project_files *files, bool force,
                          struct la_error *err)
{
    int state = dir_state(dir);
    if (state < 0)
        return la_error_set(err, dir, 0, 0, "is not a directory, or cannot be read");
    if (state > 0 && !force)
        return la_error_set(err, dir, 0, 0,
                            "is not empty; choose another directory or use --force");
    for (size_t i = 0; i < files->n; i++)
        if (!project_path_valid(files->v[i].path))
            return la_error_set(err, NULL, 0, 0, "refusing to write the unsafe path \"%s\"",
                                files->v[i].path);

    /* An existing DIR (say ".") is resolved, so that the temporary directory lands beside it
     * rather than inside it. */
    char *real = state == 0 && access(dir, F_OK) != 0 ? NULL : realpath(dir, NULL);
    char *tmp = make_temp_sibling(real ? real : dir, err);
    free(real);
    if (tmp == NULL)
        return false;
    bool ok = true;
    for (size_t i = 0; ok && i < files->n; i++) {
        ok = make_parents(tmp, files->v[i].path, err);
        if (ok) {
            char *p = xasprintf("%s/%s", tmp, files->v[i].path);
            ok = write_new_file(p, files->v[i].content, err);
            free(p);
        }
    }
    if (ok) {
        if (access(dir, F_OK) != 0) {
            /* A new directory: the whole tree appears at once. */
            if (rename(tmp, dir) == 0) {
                free(tmp);
                return true;
            }
            ok = la_error_set(err, dir, 0, 0, "cannot create: %s", strerror(errno));
        } else {
            /* An existing one (empty, or --force): one rename per prepared file. */
            ok = move_into(tmp, dir, files, err);
        }
    }
    remove_tree(tmp, files);
    free(tmp);
    return ok;
}

/* DIR's last component when it is a valid crate name, else NULL (the default applies). */
static char *default_name(const char *dir)
{
    char *copy = xstrdup(dir);
    size_t n = strlen(copy);
    while (n > 1 && copy[n - 1] == '/')
        copy[--n] = '\0';
    const char *base = strrchr(copy, '/') ? strrchr(copy, '/') + 1 : copy;
    bool ok = (base[0] >= 'a' && base[0] <= 'z') || (base[0] >= 'A' && base[0] <= 'Z');
    for (const char *s = base; ok && *s; s++)
        ok = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
             *s == '-' || *s == '_';
    char *name = ok && strlen(base) <= 64 ? xstrdup(base) : NULL;
    free(copy);
    return name;
}

int cmd_new(int argc, char **argv)
{
    struct answer_opts ao = {0};
    const char *dir = NULL, *ci = NULL, *name = NULL;
    bool force = false;
    int rc = EXIT_OK;
    for (int i = 1; i < argc && rc == EXIT_OK; i++) {
        int r;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(help_head, stdout);
            fputs(answer_opts_help, stdout);
            fputs(help_tail, stdout);
            answer_opts_finish(&ao);
            return EXIT_OK;
        }
        if (strcmp(argv[i], "--force") == 0) {
            force = true;
            continue;
        }
        if (argv[i][0] != '-' || strcmp(argv[i], "-") == 0) {
            if (dir != NULL)
                rc = cli_fail("new: one directory only ('%s' and '%s')", dir, argv[i]);
            dir = argv[i];
            continue;
        }
        if ((r = answer_opts_parse(&ao, argc, argv, &i)) == 0 &&
            (r = cli_opt_value(argc, argv, &i, "--ci", &ci)) == 0 &&
            (r = cli_opt_value(argc, argv, &i, "--name", &name)) == 0)
            rc = cli_fail("new: unknown option '%s' (see lambda-advisor new --help)", argv[i]);
        if (r < 0)
            rc = EXIT_USAGE;
    }
    if (rc == EXIT_OK && dir == NULL)
        rc = cli_fail("new: which directory? (lambda-advisor new DIR ...; see --help)");
    if (rc == EXIT_OK && ci != NULL && strcmp(ci, "github") != 0)
        rc = cli_fail("new: unknown CI '%s'; valid: github", ci);
    if (rc != EXIT_OK) {
        answer_opts_finish(&ao);
        return rc;
    }

    struct la_error err = LA_ERROR_INIT;
    struct tree *t = tree_load_default(&err);
    struct engine e;
    struct advice adv = {0};
    struct project_files files = {0};
    char *rp = name ? NULL : realpath(dir, NULL);
    char *dname = name ? NULL : default_name(rp ? rp : dir);
    free(rp);
    struct project_opts opts = {.name = name ? name : dname, .ci = ci};
    bool ok = t != NULL;
    if (ok) {
        engine_init(&e, t);
        ok = answer_opts_apply(&ao, &e, &err);
        if (ok) {
            advice_compute(&adv, &e);
            ok = project_render(&e, &adv, &opts, &files, &err) &&
                 write_project(dir, &files, force, &err);
        }
    }
    if (ok)
        printf("wrote %zu files to %s\n", files.n, dir);
    rc = ok ? EXIT_OK : cli_fail_error(&err);
    project_files_finish(&files);
    advice_finish(&adv);
    if (t) {
        engine_finish(&e);
        tree_destroy(t);
    }
    la_error_finish(&err);
    answer_opts_finish(&ao);
    free(dname);
    return rc;
}
