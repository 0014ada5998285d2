/* Text on the screen: UTF-8 by display width, wrapped lines with roles, frames, code. */
#include "text.h"
#include "hl.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"

#include <langinfo.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

/* ---- text: UTF-8 to the screen, by display width ---- */

/* Whether the locale's encoding is UTF-8 (else UTF-8 text is shown transliterated). */
static int utf8_locale = -1;

static bool is_utf8(void)
{
    if (utf8_locale < 0) {
        const char *cs = nl_langinfo(CODESET);
        utf8_locale = cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
    }
    return utf8_locale;
}

/* ASCII for the characters the advice and the screen use, for a terminal without UTF-8. */
static const char *translit(wchar_t wc)
{
    static const struct {
        wchar_t wc;
        const char *s;
    } map[] = {
        {0x00D7, "x"},  {0x2014, "--"},  {0x2013, "-"}, {0x2192, "->"}, {0x2190, "<-"},
        {0x2191, "^"},  {0x2193, "v"},   {0x2018, "'"}, {0x2019, "'"},  {0x201C, "\""},
        {0x201D, "\""}, {0x2026, "..."}, {0x2022, "*"}, {0x2265, ">="}, {0x2264, "<="},
        {0x00B5, "u"},  {0x00B7, "-"},   {0x2713, "x"}, {0x203A, ">"},  {0x2039, "<"},
        {0x2248, "~"},  {0x00A0, " "},   {0x2500, "-"}, {0x2502, "|"},  {0x00E9, "e"},
        {0x00E8, "e"},  {0x00E0, "a"},   {0x00FC, "u"}, {0x00F6, "o"},  {0x00E4, "a"},
        {0x00EF, "i"},  {0x2212, "-"},   {0x2011, "-"}, {0x00AB, "<<"}, {0x00BB, ">>"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].wc == wc)
            return map[i].s;
    return "?";
}

/* One UTF-8 sequence decoded by hand (for a locale that is not UTF-8); 0 when invalid. */
static size_t utf8_decode(const unsigned char *s, size_t n, wchar_t *wc)
{
    unsigned c = s[0];
    size_t len = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (len == 0 || len > n)
        return 0;
    unsigned v = c & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = v << 6 | (s[i] & 0x3F);
    }
    *wc = (wchar_t)v;
    return len;
}

/* The next character of s at byte i: its length in bytes, and how to show it: either a
 * character (*wc, *width columns) or, when *ascii is set, that text. Control characters
 * (an escape sequence in a file name or a YAML key) show as ^[ and the like, never raw. */
static size_t glyph(const char *s, size_t n, size_t i, mbstate_t *ps, wchar_t *wc,
                    const char **ascii, char cbuf[4], int *width)
{
    *ascii = NULL;
    unsigned char b = (unsigned char)s[i];
    size_t k;
    if (b < 0x80) {
        *wc = b;
        k = 1;
    } else if (is_utf8()) {
        k = mbrtowc(wc, s + i, n - i, ps);
        if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
            memset(ps, 0, sizeof *ps);
            *ascii = "?";
            *width = 1;
            return 1;
        }
    } else {
        k = utf8_decode((const unsigned char *)s + i, n - i, wc);
        *ascii = k ? translit(*wc) : "?";
        *width = (int)strlen(*ascii);
        return k ? k : 1;
    }
    if (*wc == L'\t')
        *wc = L' ';
    if (*wc < 0x20 || *wc == 0x7F || (*wc >= 0x80 && *wc < 0xA0)) {
        cbuf[0] = '^';
        cbuf[1] = *wc == 0x7F ? '?' : *wc < 0x20 ? (char)(*wc + 0x40) : '?';
        cbuf[2] = '\0';
        *ascii = cbuf;
        *width = 2;
        return k;
    }
    int cw = wcwidth(*wc);
    if (cw < 0) {
        *ascii = "?";
        cw = 1;
    }
    *width = cw;
    return k;
}

/* Draws up to n bytes of s at the window's cursor within maxw columns, skipping the first
 * skip columns. Returns the columns drawn. */
int text_put(WINDOW *w, const char *s, size_t n, int maxw, int skip, attr_t a)
{
    mbstate_t ps;
    memset(&ps, 0, sizeof ps);
    int col = 0, drawn = 0;
    size_t i = 0;
    while (i < n && drawn < maxw && s[i]) {
        wchar_t wc;
        const char *ascii;
        char cbuf[4];
        int cw;
        i += glyph(s, n, i, &ps, &wc, &ascii, cbuf, &cw);
        if (col < skip) {
            col += cw;
            continue;
        }
        if (drawn + cw > maxw)
            break;
        if (ascii) {
            for (const char *p = ascii; *p; p++)
                waddch(w, (chtype)(unsigned char)*p | a);
        } else {
            cchar_t cc;
            wchar_t str[2] = {wc, L'\0'};
            setcchar(&cc, str, a, PAIR_NUMBER(a), NULL);
            wadd_wch(w, &cc);
        }
        drawn += cw;
        col += cw;
    }
    return drawn;
}

/* The character at s[i] (at most n bytes): its length in bytes and its display width. */
static size_t char_at(const char *s, size_t n, size_t i, mbstate_t *ps, int *width)
{
    wchar_t wc;
    const char *ascii;
    char cbuf[4];
    return glyph(s, n, i, ps, &wc, &ascii, cbuf, width);
}

int text_width(const char *s, size_t n)
{
    mbstate_t ps;
    memset(&ps, 0, sizeof ps);
    int col = 0;
    for (size_t i = 0; i < n;) {
        int cw;
        i += char_at(s, n, i, &ps, &cw);
        col += cw;
    }
    return col;
}

/* Bytes of s (up to n) that fit in width columns. */
size_t text_fit(const char *s, size_t n, int width)
{
    mbstate_t ps;
    memset(&ps, 0, sizeof ps);
    int col = 0;
    size_t i = 0;
    while (i < n) {
        int cw;
        size_t k = char_at(s, n, i, &ps, &cw);
        if (col + cw > width)
            break;
        col += cw;
        i += k;
    }
    return i;
}

/* ---- a list of display lines, built per pane and drawn with a scroll offset ---- */

void lines_push(struct lines *d, const char *s, size_t n, enum role role, int indent)
{
    d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
    d->v[d->n++] = (struct line){xstrndup(s, n), role, indent, NULL, false};
}

/* Adds text wrapped at word boundaries to the list's width; newlines start new lines.
 * Continuation lines are indented by hang columns more than indent. */
void lines_wrap(struct lines *d, const char *text, enum role role, int indent, int hang)
{
    const char *p = text;
    do {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        int first = 1;
        while (1) {
            int width = d->width - indent - (first ? 0 : hang);
            if (width < 4)
                width = 4;
            size_t take = text_fit(p, len, width);
            if (take < len) {
                size_t sp = take;
                while (sp > 0 && p[sp] != ' ')
                    sp--;
                if (sp > 0)
                    take = sp;
            }
            lines_push(d, p, take, role, indent + (first ? 0 : hang));
            first = 0;
            p += take;
            len -= take;
            while (len && *p == ' ') {
                p++;
                len--;
            }
            if (len == 0)
                break;
        }
        p = nl ? nl + 1 : NULL;
    } while (p);
}

void lines_blank(struct lines *d)
{
    lines_push(d, "", 0, R_NORMAL, 0);
}

void lines_free(struct lines *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].text);
        free(d->v[i].kinds);
    }
    free(d->v);
    memset(d, 0, sizeof *d);
}

/* Markdown prose for the screen: lines of a paragraph joined, ** emphasis markers dropped;
 * list items and blank lines keep their breaks. The caller frees. */
char *text_reflow(const char *src)
{
    struct strbuf sb = STRBUF_INIT;
    for (const char *p = src; *p; p++) {
        if (p[0] == '*' && p[1] == '*') {
            p++;
            continue;
        }
        if (*p == '\n') {
            const char *n = p + 1;
            bool keep = *n == '\n' || *n == '\0' || *n == '-' || *n == ' ' ||
                        (*n == '*' && n[1] == ' ') || (*n >= '0' && *n <= '9' && n[1] == '.') ||
                        (p > src && p[-1] == '\n');
            sb_addc(&sb, keep ? '\n' : ' ');
            continue;
        }
        sb_addc(&sb, *p);
    }
    while (sb.len && sb.s[sb.len - 1] == '\n')
        sb.s[--sb.len] = '\0';
    return sb_detach(&sb);
}

void lines_prose(struct lines *d, const char *md, enum role role, int indent)
{
    char *text = text_reflow(md);
    lines_wrap(d, text, role, indent, 0);
    free(text);
}

static enum role hl_role(enum hl_kind k)
{
    static const enum role roles[] = {
        [HL_TEXT] = R_NORMAL,
        [HL_KEYWORD] = R_CODE_KEYWORD,
        [HL_STRING] = R_CODE_STRING,
        [HL_COMMENT] = R_CODE_COMMENT,
        [HL_NUMBER] = R_CODE_NUMBER,
        [HL_MACRO] = R_CODE_MACRO,
        [HL_TYPE] = R_CODE_TYPE,
        [HL_ATTR] = R_CODE_ATTR,
        [HL_LIFETIME] = R_CODE_LIFETIME,
    };
    return roles[k];
}

/* Draws one line of Rust at the window's cursor, coloured by kinds, from column left on. */
void text_code_line(WINDOW *w, const char *p, size_t len, const unsigned char *kinds, int left,
                    int width)
{
    int col = 0;
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && kinds[j] == kinds[i])
            j++;
        int seg = text_width(p + i, j - i);
        int skip = left > col ? left - col : 0;
        int used = col > left ? col - left : 0;
        if (col + seg > left && used < width)
            text_put(w, p + i, j - i, width - used, skip,
                     colors_attr(hl_role((enum hl_kind)kinds[i])));
        col += seg;
        i = j;
    }
}

/* Draws lines [top, top + h) of d in the window's inner area (inside the border). */
void lines_draw(WINDOW *w, const struct lines *d, int top, int h, int width)
{
    for (int row = 0; row < h && (size_t)(top + row) < d->n; row++) {
        const struct line *l = &d->v[top + row];
        attr_t a = colors_attr(l->role);
        wmove(w, 1 + row, 1 + l->indent);
        if (l->role == R_SELECTED) {
            wattron(w, a);
            for (int x = 0; x < width - l->indent; x++)
                waddch(w, ' ');
            wattroff(w, a);
            wmove(w, 1 + row, 1 + l->indent);
        }
        if (l->kinds)
            text_code_line(w, l->text, strlen(l->text), l->kinds, 0, width - l->indent);
        else
            text_put(w, l->text, strlen(l->text), width - l->indent, 0, a);
    }
}

void text_frame(WINDOW *w, const char *title, bool focus)
{
    attr_t b = colors_attr(focus ? R_BORDER_FOCUS : R_BORDER);
    wattron(w, b);
    box(w, 0, 0);
    wattroff(w, b);
    if (title) {
        int maxw = getmaxx(w) - 4;
        wmove(w, 0, 2);
        text_put(w, " ", 1, maxw, 0, colors_attr(R_TITLE));
        int n = text_put(w, title, strlen(title), maxw - 2, 0, colors_attr(R_TITLE));
        text_put(w, " ", 1, maxw - 1 - n, 0, colors_attr(R_TITLE));
    }
}
