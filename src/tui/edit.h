/* The line editor of every text prompt (edit.c): cursor movement, readline's Ctrl keys, Tab
 * completion of paths, `~` expansion. No curses: keys come in as actions and characters. */
#ifndef LA_TUI_EDIT_H
#define LA_TUI_EDIT_H

#include "keys.h"

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#define EDIT_MAX 1024

struct edit {
    wchar_t buf[EDIT_MAX]; /* the text; a byte the locale cannot decode is kept as 0xDC00+byte */
    size_t n, cur;         /* length and cursor, in characters */
    bool fresh;            /* the proposed text: the first character typed replaces it */
};

/* Sets the text (bytes in the locale's encoding), the cursor at its end, marked fresh. */
void edit_set(struct edit *e, const char *text);
/* Applies one key. Returns whether the text or the cursor changed; *full is set when the
 * buffer refused a character (never silently). */
bool edit_key(struct edit *e, enum tui_action a, wchar_t ch, bool *full);
/* The text as bytes (undecodable input bytes kept as they were typed). The caller frees. */
char *edit_bytes(const struct edit *e);
/* The text trimmed, with a leading ~ or ~/ made $HOME. The caller frees. */
char *edit_path(const struct edit *e);
/* Completes the path under the cursor (the text before it) from the file system: the
 * longest common prefix of the names that match, "/" after a lone directory. Returns the
 * number of matches (0: none, 1: completed); the names when several match go to *alts (a
 * line of names, caller frees), else *alts is NULL. */
int edit_complete(struct edit *e, char **alts);
/* The display columns before the cursor and the text as bytes for drawing. */
int edit_cursor_col(const struct edit *e);

/* A leading ~ or ~/ made $HOME (or the password entry's home). The caller frees. */
char *edit_expand_tilde(const char *path);

#endif
