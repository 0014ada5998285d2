/* The line editor of the text prompts: a wide-character buffer with a cursor, readline's
 * keys, path completion and `~`. Bytes the locale cannot decode (a UTF-8 name typed under
 * LANG=C) are kept as they were typed, never dropped. */
#include "edit.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"

#include <dirent.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* An undecodable byte b is kept in the buffer as RAW_BASE + b (the lone surrogates that
 * Python's surrogateescape uses; never a valid character). */
#define RAW_BASE 0xDC00

static void set_bytes(struct edit *e, const char *text, size_t len)
{
    mbstate_t ps;
    memset(&ps, 0, sizeof ps);
    e->n = 0;
    for (size_t i = 0; i < len && e->n + 1 < EDIT_MAX;) {
        wchar_t wc;
        size_t k = mbrtowc(&wc, text + i, len - i, &ps);
        if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
            memset(&ps, 0, sizeof ps);
            wc = (wchar_t)(RAW_BASE + (unsigned char)text[i]);
            k = 1;
        }
        e->buf[e->n++] = wc;
        i += k;
    }
    e->buf[e->n] = L'\0';
    e->cur = e->n;
}

void edit_set(struct edit *e, const char *text)
{
    set_bytes(e, text ? text : "", text ? strlen(text) : 0);
    e->fresh = true;
}

static void insert(struct edit *e, wchar_t ch, bool *full)
{
    if (e->n + 1 >= EDIT_MAX) {
        if (full)
            *full = true;
        return;
    }
    memmove(e->buf + e->cur + 1, e->buf + e->cur, (e->n - e->cur + 1) * sizeof *e->buf);
    e->buf[e->cur++] = ch;
    e->n++;
}

static void cut(struct edit *e, size_t from, size_t to)
{
    memmove(e->buf + from, e->buf + to, (e->n - to + 1) * sizeof *e->buf);
    e->n -= to - from;
    e->cur = from;
}

bool edit_key(struct edit *e, enum tui_action a, wchar_t ch, bool *full)
{
    size_t cur = e->cur, n = e->n;
    bool fresh = e->fresh;
    e->fresh = false;
    if (ch >= L' ' && ch != 127) /* a printable character is text, whatever it is bound to */
        a = TA_CHAR;
    switch (a) {
    case TA_LEFT:
        if (e->cur)
            e->cur--;
        break;
    case TA_RIGHT:
        if (e->cur < e->n)
            e->cur++;
        break;
    case TA_HOME:
    case TA_LINE_START:
        e->cur = 0;
        break;
    case TA_END:
    case TA_LINE_END:
        e->cur = e->n;
        break;
    case TA_BACK:
        if (e->cur)
            cut(e, e->cur - 1, e->cur);
        break;
    case TA_DELETE:
        if (e->cur < e->n)
            cut(e, e->cur, e->cur + 1);
        break;
    case TA_KILL_START:
        cut(e, 0, e->cur);
        break;
    case TA_KILL_END:
        e->buf[e->n = e->cur] = L'\0';
        break;
    case TA_KILL_WORD: {
        /* back over spaces, then over the word (a path component counts as a word end) */
        size_t i = e->cur;
        while (i && e->buf[i - 1] == L' ')
            i--;
        if (i && e->buf[i - 1] == L'/')
            i--;
        while (i && e->buf[i - 1] != L' ' && e->buf[i - 1] != L'/')
            i--;
        cut(e, i, e->cur);
        break;
    }
    default:
        if (ch < L' ' || ch == 127) {
            e->fresh = fresh; /* not a key for the editor: the proposal stays proposed */
            return false;
        }
        if (fresh) /* typing replaces the proposed text */
            e->buf[e->n = e->cur = 0] = L'\0';
        insert(e, ch, full);
        break;
    }
    return e->cur != cur || e->n != n || fresh;
}

char *edit_bytes(const struct edit *e)
{
    struct strbuf sb = STRBUF_INIT;
    mbstate_t ps;
    memset(&ps, 0, sizeof ps);
    char mb[MB_LEN_MAX];
    for (size_t i = 0; i < e->n; i++) {
        wchar_t wc = e->buf[i];
        if (wc >= RAW_BASE && wc < RAW_BASE + 256) {
            sb_addc(&sb, (char)(wc - RAW_BASE));
            continue;
        }
        size_t k = wcrtomb(mb, wc, &ps);
        if (k == (size_t)-1) {
            memset(&ps, 0, sizeof ps);
            /* a character the locale cannot encode: under a single-byte locale curses gives
             * bytes as characters below 256; keep the byte */
            if (wc >= 0 && wc < 256)
                sb_addc(&sb, (char)wc);
            else
                sb_addc(&sb, '?');
            continue;
        }
        sb_add(&sb, mb, k);
    }
    return sb_detach(&sb);
}

char *edit_expand_tilde(const char *p)
{
    if (p[0] != '~' || (p[1] != '\0' && p[1] != '/'))
        return xstrdup(p);
    const char *home = getenv("HOME");
    if (home == NULL || *home == '\0') {
        struct passwd *pw = getpwuid(getuid());
        home = pw ? pw->pw_dir : NULL;
    }
    if (home == NULL)
        return xstrdup(p);
    return xasprintf("%s%s", home, p + 1);
}

char *edit_path(const struct edit *e)
{
    char *raw = edit_bytes(e);
    char *p = raw;
    while (*p == ' ')
        p++;
    size_t len = strlen(p);
    while (len && p[len - 1] == ' ')
        p[--len] = '\0';
    char *r = edit_expand_tilde(p);
    free(raw);
    return r;
}

int edit_cursor_col(const struct edit *e)
{
    int col = 0;
    for (size_t i = 0; i < e->cur; i++) {
        int w = e->buf[i] >= RAW_BASE && e->buf[i] < RAW_BASE + 256 ? 1 : wcwidth(e->buf[i]);
        col += w < 0 ? 1 : w;
    }
    return col;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int edit_complete(struct edit *e, char **alts)
{
    *alts = NULL;
    e->fresh = false;
    /* the text before the cursor, as bytes */
    struct edit head = *e;
    head.n = e->cur;
    head.buf[head.n] = L'\0';
    char *typed = edit_bytes(&head);
    char *expanded = edit_expand_tilde(typed);
    const char *slash = strrchr(expanded, '/');
    char *dir = slash ? xstrndup(expanded, (size_t)(slash - expanded) + 1) : xstrdup("./");
    const char *base = slash ? slash + 1 : expanded;
    size_t blen = strlen(base);
    DIR *d = opendir(dir);
    char **names = NULL;
    size_t n = 0, cap = 0;
    if (d) {
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
                continue;
            if (de->d_name[0] == '.' && base[0] != '.')
                continue;
            if (strncmp(de->d_name, base, blen) != 0)
                continue;
            names = xgrow(names, &cap, n + 1, sizeof *names);
            names[n++] = xstrdup(de->d_name);
        }
        closedir(d);
    }
    if (n > 0) {
        qsort(names, n, sizeof *names, cmp_str);
        size_t common = strlen(names[0]);
        for (size_t i = 1; i < n; i++) {
            size_t k = 0;
            while (k < common && names[i][k] == names[0][k])
                k++;
            common = k;
        }
        struct strbuf add = STRBUF_INIT;
        sb_add(&add, names[0] + blen, common - blen);
        if (n == 1) {
            char *full = xasprintf("%s%s", dir, names[0]);
            struct stat st;
            if (stat(full, &st) == 0 && S_ISDIR(st.st_mode))
                sb_addc(&add, '/');
            free(full);
        } else {
            struct strbuf sb = STRBUF_INIT;
            for (size_t i = 0; i < n && sb.len < 400; i++)
                sb_addf(&sb, "%s%s", i ? "  " : "", names[i]);
            if (n > 0 && sb.len >= 400)
                sb_adds(&sb, "  ...");
            *alts = sb_detach(&sb);
        }
        /* insert the completion at the cursor */
        struct edit ins;
        set_bytes(&ins, add.s ? add.s : "", add.len);
        for (size_t i = 0; i < ins.n; i++)
            insert(e, ins.buf[i], NULL);
        sb_finish(&add);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    free(dir);
    free(expanded);
    free(typed);
    return (int)n;
}
