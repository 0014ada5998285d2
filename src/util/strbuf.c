/* Growable string buffer with printf and JSON-escaping appends. */
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_init(struct strbuf *sb)
{
    sb->s = NULL;
    sb->len = sb->cap = 0;
}

void sb_finish(struct strbuf *sb)
{
    free(sb->s);
    sb_init(sb);
}

static void reserve(struct strbuf *sb, size_t extra)
{
    sb->s = xgrow(sb->s, &sb->cap, sb->len + extra + 1, 1);
}

void sb_add(struct strbuf *sb, const char *s, size_t n)
{
    reserve(sb, n);
    if (n)
        memcpy(sb->s + sb->len, s, n);
    sb->len += n;
    sb->s[sb->len] = '\0';
}

void sb_adds(struct strbuf *sb, const char *s)
{
    sb_add(sb, s, strlen(s));
}

void sb_addc(struct strbuf *sb, char c)
{
    reserve(sb, 1);
    sb->s[sb->len++] = c;
    sb->s[sb->len] = '\0';
}

void sb_addf(struct strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    reserve(sb, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    size_t len;
    unsigned min;
    unsigned cp;
    if (s[0] < 0x80)
        return 1;
    if ((s[0] & 0xe0) == 0xc0) {
        len = 2, min = 0x80, cp = s[0] & 0x1f;
    } else if ((s[0] & 0xf0) == 0xe0) {
        len = 3, min = 0x800, cp = s[0] & 0x0f;
    } else if ((s[0] & 0xf8) == 0xf0) {
        len = 4, min = 0x10000, cp = s[0] & 0x07;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

/* Invalid UTF-8 becomes U+FFFD so that the output is always valid JSON. */
void sb_add_json_strn(struct strbuf *sb, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    sb_addc(sb, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"':
            sb_add(sb, "\\\"", 2);
            break;
        case '\\':
            sb_add(sb, "\\\\", 2);
            break;
        case '\n':
            sb_add(sb, "\\n", 2);
            break;
        case '\r':
            sb_add(sb, "\\r", 2);
            break;
        case '\t':
            sb_add(sb, "\\t", 2);
            break;
        default:
            if (c < 0x20 || c == 0x7f) {
                char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                sb_add(sb, u, 6);
            } else if (c < 0x80) {
                sb_addc(sb, (char)c);
            } else {
                size_t l = utf8_len((const unsigned char *)s + i, n - i);
                if (l == 0) {
                    sb_adds(sb, "\\ufffd");
                } else {
                    sb_add(sb, s + i, l);
                    i += l - 1;
                }
            }
        }
    }
    sb_addc(sb, '"');
}

void sb_add_json_str(struct strbuf *sb, const char *s)
{
    sb_add_json_strn(sb, s, strlen(s));
}

void sb_reset(struct strbuf *sb)
{
    sb->len = 0;
    if (sb->s)
        sb->s[0] = '\0';
}

const char *sb_str(const struct strbuf *sb)
{
    return sb->s ? sb->s : "";
}

char *sb_detach(struct strbuf *sb)
{
    char *s = sb->s ? sb->s : xstrdup("");
    sb_init(sb);
    return s;
}

void sb_add_escaped(struct strbuf *sb, const char *s, size_t n, bool keep_newlines)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t' && !(c == '\n' && keep_newlines)) || c == 0x7f) {
            sb_addf(sb, "\\x%02x", c);
        } else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                   (unsigned char)s[i + 1] <= 0x9F) {
            sb_addf(sb, "\\u{%02x}", (unsigned char)s[i + 1]); /* a C1 control */
            i++;
        } else {
            sb_addc(sb, (char)c);
        }
    }
}

char *text_escape(const char *s)
{
    struct strbuf sb = STRBUF_INIT;
    sb_add_escaped(&sb, s, strlen(s), true);
    if (sb.s == NULL)
        return xstrdup("");
    return sb_detach(&sb);
}
