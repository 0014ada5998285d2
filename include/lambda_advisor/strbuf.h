/* A growable byte buffer, always NUL-terminated. */
#ifndef LA_STRBUF_H
#define LA_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf {
    char *s; /* NULL until the first append; sb_str() never returns NULL */
    size_t len;
    size_t cap;
};

#define STRBUF_INIT                                                                                \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

void sb_init(struct strbuf *sb);
void sb_finish(struct strbuf *sb); /* frees the contents */
void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s as a JSON string literal, quotes included. */
void sb_add_json_str(struct strbuf *sb, const char *s);
void sb_add_json_strn(struct strbuf *sb, const char *s, size_t n);
void sb_reset(struct strbuf *sb);
/* Appends s (n bytes) for a terminal: control characters that could drive it (C0 but tab
 * and, when keep_newlines, newline; DEL; C1, as UTF-8 U+0080..U+009F) become visible
 * escapes (\x1b, \u{9b}), so that a file name or YAML key cannot set the window title or
 * clear the screen. Every text sink (messages, text reports) goes through it. */
void sb_add_escaped(struct strbuf *sb, const char *s, size_t n, bool keep_newlines);
/* A new string: s escaped as by sb_add_escaped (newlines kept). */
char *text_escape(const char *s);
const char *sb_str(const struct strbuf *sb);
/* Hands the string to the caller (who frees it) and leaves sb empty. */
char *sb_detach(struct strbuf *sb);

#endif
