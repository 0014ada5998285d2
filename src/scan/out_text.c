/* The text report: compiler-style lines, the source line with the span marked, the fix. */
#include "lambda_advisor/scan_out.h"
#include "lambda_advisor/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define C_RESET "\033[0m"
#define C_BOLD  "\033[1m"
#define C_DIM   "\033[2m"

static const char *sev_color(enum severity s)
{
    return s == SEV_ERROR ? "\033[1;31m" : s == SEV_WARNING ? "\033[1;33m" : "\033[1;36m";
}

#define SNIPPET_MAX 160 /* longer lines (minified or generated code) are shown in part */

/* Appends the source line (or a window of it around the span) and the marker line under
 * it: spaces (tabs kept) up to the span, then carets over it. */
static void add_snippet(struct strbuf *sb, const struct finding *f, bool color)
{
    const char *s = f->snippet;
    size_t n = strlen(s), off = (size_t)f->snippet_from; /* a long line: an excerpt */
    size_t a = f->col > 0 ? (size_t)f->col - 1 : 0;
    size_t b = f->end_line == f->line && f->end_col > f->col ? (size_t)f->end_col - 1 : n + off;
    a = a > off ? a - off : 0;
    b = b > off ? b - off : 0;
    if (a > n)
        a = n;
    if (b > n)
        b = n;
    size_t from = 0, to = n;
    if (n > SNIPPET_MAX) {
        from = a > 40 ? a - 40 : 0;
        to = from + SNIPPET_MAX < n ? from + SNIPPET_MAX : n;
        while (from > 0 && ((unsigned char)s[from] & 0xC0) == 0x80)
            from--; /* never cut a UTF-8 sequence */
        while (to < n && ((unsigned char)s[to] & 0xC0) == 0x80)
            to++;
        if (b > to)
            b = to;
    }
    bool cut_before = from > 0 || off > 0;
    const char *pre = cut_before ? "..." : "", *post = to < n || f->snippet_more ? "..." : "";
    char num[16];
    int w = snprintf(num, sizeof num, "%d", f->line);
    sb_addf(sb, " %s | %s", num, pre);
    sb_add_escaped(sb, s + from, to - from, false); /* no escape sequence reaches the terminal */
    sb_addf(sb, "%s\n", post);
    sb_addf(sb, " %*s | %s", w, "", cut_before ? "   " : "");
    for (size_t i = from; i < a; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            sb_addc(sb, s[i] == '\t' ? '\t' : ' ');
    if (color)
        sb_adds(sb, "\033[1;32m");
    size_t carets = 0;
    for (size_t i = a; i < b; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            carets++;
    if (carets == 0)
        carets = 1;
    while (carets--)
        sb_addc(sb, '^');
    if (color)
        sb_adds(sb, C_RESET);
    sb_addc(sb, '\n');
}

static char *esc_line(const char *s)
{
    struct strbuf sb = STRBUF_INIT;
    sb_add_escaped(&sb, s, strlen(s), false);
    return sb_detach(&sb);
}

char *scan_out_text(const struct scan_result *r, bool color, size_t *len)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < r->n; i++) {
        const struct finding *f = &r->v[i];
        /* names, messages and fixes may come from the scanned tree or a user's rule file */
        char *path = esc_line(f->path), *msg = esc_line(f->message), *rule = esc_line(f->rule);
        if (color)
            sb_addf(&sb,
                    C_BOLD "%s:%d:%d:" C_RESET " %s%s:" C_RESET " %s " C_DIM "[%s]" C_RESET "\n",
                    path, f->line, f->col, sev_color(f->severity), severity_name(f->severity), msg,
                    rule);
        else
            sb_addf(&sb, "%s:%d:%d: %s: %s [%s]\n", path, f->line, f->col,
                    severity_name(f->severity), msg, rule);
        free(path);
        free(msg);
        free(rule);
        if (f->snippet)
            add_snippet(&sb, f, color);
        if (f->fix) {
            const char *p = f->fix;
            bool first = true;
            while (*p) {
                const char *nl = strchr(p, '\n');
                size_t n = nl ? (size_t)(nl - p) : strlen(p);
                if (n > 0 || (nl && nl[1])) {
                    sb_adds(&sb, first ? "  fix: " : "       ");
                    sb_add_escaped(&sb, p, n, false);
                    sb_addc(&sb, '\n');
                }
                first = false;
                p += n + (nl ? 1 : 0);
            }
        }
        sb_addc(&sb, '\n');
    }
    *len = sb.len;
    return sb_detach(&sb);
}

char *scan_out_summary(const struct scan_result *r)
{
    size_t c[3] = {0, 0, 0};
    for (size_t i = 0; i < r->n; i++)
        c[r->v[i].severity]++;
    struct strbuf sb = STRBUF_INIT;
    sb_addf(&sb, "%zu finding%s (%zu error%s, %zu warning%s, %zu note%s) in %zu file%s", r->n,
            r->n == 1 ? "" : "s", c[SEV_ERROR], c[SEV_ERROR] == 1 ? "" : "s", c[SEV_WARNING],
            c[SEV_WARNING] == 1 ? "" : "s", c[SEV_NOTE], c[SEV_NOTE] == 1 ? "" : "s",
            r->files_scanned, r->files_scanned == 1 ? "" : "s");
    if (r->files_skipped) {
        sb_addf(&sb, "; skipped %zu (", r->files_skipped);
        const char *sep = "";
        if (r->skipped_large) {
            sb_addf(&sb, "%zu over the %zu-byte size limit", r->skipped_large, r->max_filesize);
            sep = ", ";
        }
        if (r->skipped_binary) {
            sb_addf(&sb, "%s%zu binary", sep, r->skipped_binary);
            sep = ", ";
        }
        if (r->skipped_unreadable)
            sb_addf(&sb, "%s%zu unreadable", sep, r->skipped_unreadable);
        sb_adds(&sb, ")");
    }
    return sb_detach(&sb);
}
