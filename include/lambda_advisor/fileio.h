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
 * Without force, refuses when path exists. Nothing is left behind on failure. */
bool file_write_atomic(const char *path, const char *data, size_t len, bool force,
                       struct la_error *err);

/* Creates dir and its missing parents (mode 0755). */
bool file_mkdirs(const char *dir, struct la_error *err);

#endif
