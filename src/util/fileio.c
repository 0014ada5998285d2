/* Whole-file reads and atomic writes (temp file + fsync + rename). */
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool file_read_all(const char *path, size_t max, char **data, size_t *len, struct la_error *err)
{
    /* O_NONBLOCK: opening a FIFO must not wait for a writer; anything but a regular file is
     * refused below (a FIFO would block the read, /dev/zero never ends). */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return la_error_set(err, path, 0, 0, "cannot read: %s", strerror(errno));
    struct stat st;
    int e = fstat(fd, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : 0;
    if (e || !S_ISREG(st.st_mode)) {
        close(fd);
        return la_error_set(err, path, 0, 0, "cannot read: %s",
                            e ? strerror(e) : "not a regular file");
    }
    size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096;
    if (max && (size_t)st.st_size > max) {
        close(fd);
        return la_error_set(err, path, 0, 0, "file is larger than %zu bytes", max);
    }
    char *buf = xmalloc(cap);
    size_t n = 0;
    for (;;) {
        if (n + 1 >= cap)
            buf = xgrow(buf, &cap, n + 4096, 1);
        ssize_t r = read(fd, buf + n, cap - n - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            free(buf);
            close(fd);
            return la_error_set(err, path, 0, 0, "cannot read: %s", strerror(e));
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (max && n > max) {
            free(buf);
            close(fd);
            return la_error_set(err, path, 0, 0, "file is larger than %zu bytes", max);
        }
    }
    close(fd);
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return true;
}

static bool write_all(int fd, const char *data, size_t len)
{
    while (len) {
        ssize_t w = write(fd, data, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        data += w;
        len -= (size_t)w;
    }
    return true;
}

bool file_write_atomic(const char *path, const char *data, size_t len, bool force,
                       struct la_error *err)
{
    struct stat st;
    bool exists = lstat(path, &st) == 0;
    if (!force && exists)
        return la_error_set(err, path, 0, 0, "already exists; use --force to overwrite it");
    /* --force replaces a file, never a device, FIFO, socket, symbolic link or directory */
    if (exists && !S_ISREG(st.st_mode))
        return la_error_set(err, path, 0, 0,
                            "is not a regular file; refusing to replace it, even with --force");
    const char *slash = strrchr(path, '/');
    char *tmp;
    if (slash)
        tmp = xasprintf("%.*s/.%s.tmp-XXXXXX", (int)(slash - path), path, slash + 1);
    else
        tmp = xasprintf(".%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        la_error_set(err, path, 0, 0, "cannot write: %s", strerror(errno));
        free(tmp);
        return false;
    }
    bool ok = write_all(fd, data, len) && fchmod(fd, 0644) == 0 && fsync(fd) == 0;
    int e = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        e = errno;
    }
    if (ok && !force && link(tmp, path) != 0) {
        /* link() refuses to replace, so a file created meanwhile is never clobbered. */
        ok = false;
        e = errno;
        if (e == EPERM || e == ENOTSUP || e == EXDEV) { /* filesystems without hard links */
            ok = lstat(path, &st) != 0 && rename(tmp, path) == 0;
            e = ok ? 0 : (errno ? errno : EEXIST);
        }
    } else if (ok && force && rename(tmp, path) != 0) {
        ok = false;
        e = errno;
    }
    unlink(tmp); /* the hard link (or a failed temp) goes; after rename this is a no-op */
    free(tmp);
    if (!ok)
        return la_error_set(err, path, 0, 0, "cannot write: %s", strerror(e));
    return true;
}

bool file_mkdirs(const char *dir, struct la_error *err)
{
    char *p = xstrdup(dir);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0755) != 0 && errno != EEXIST) {
            la_error_set(err, p, 0, 0, "cannot create directory: %s", strerror(errno));
            free(p);
            return false;
        }
        *s = '/';
    }
    bool ok = mkdir(p, 0755) == 0 || errno == EEXIST;
    if (!ok)
        la_error_set(err, p, 0, 0, "cannot create directory: %s", strerror(errno));
    free(p);
    return ok;
}

bool file_link_escapes(const char *path, const char *base)
{
    struct stat st;
    if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
        return false;
    char *target = realpath(path, NULL), *root = realpath(base, NULL);
    bool out = true;
    if (target && root) {
        size_t n = strlen(root);
        out = !(strncmp(target, root, n) == 0 && (target[n] == '/' || (n == 1 && root[0] == '/')));
    }
    free(target);
    free(root);
    return out;
}
