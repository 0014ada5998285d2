/* Reading whole files and writing them atomically. */
#ifndef LA_FILEIO_H
#define LA_FILEIO_H

#include "lambda_advisor/error.h"

#include <stdbool.h>
#include <stddef.h>

/* Reads all of path, a regular file (never blocks on a FIFO, never reads a device), into a
 * new NUL-terminated buffer (caller frees); *len gets its size.
 * Refuses files larger than max bytes (0: no limit). */
bool file_read_all(const char *path, size_t max, char **data, size_t *len, struct la_error *err);

/* Writes data to path atomically: a temporary file in the same directory, fsync, rename.
 * Without force, refuses when path exists; with force, still refuses to replace anything but
 * a regular file (a device, FIFO, link or directory). Nothing is left behind on failure. */
bool file_write_atomic(const char *path, const char *data, size_t len, bool force,
                       struct la_error *err);

/* Is path a symbolic link whose target lies outside the directory base (or cannot be
 * resolved)? A scan reads no such Cargo.toml or .cargo/config.toml: the tree it was given
 * is what it reads. */
bool file_link_escapes(const char *path, const char *base);

/* Creates dir and its missing parents (mode 0755). */
bool file_mkdirs(const char *dir, struct la_error *err);

#endif
