/* The full-width documents: the advice as exported, rendered from its Markdown, and the
 * findings of a scan. */
#include "hl.h"
#include "lambda_advisor/xalloc.h"
#include "panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prose without Markdown's inline marks: ** and ` dropped, \| made |. The caller frees. */
static char *inline_text(const char *p, size_t len)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < len; i++) {
        if (p[i] == '*' && i + 1 < len && p[i + 1] == '*') {
            i++;
            continue;
        }
        if (p[i] == '`')
            continue;
        if (p[i] == '\\' && i + 1 < len && strchr("|*`_\\", p[i + 1])) {
            sb_addc(&sb, p[++i]);
            continue;
        }
        sb_addc(&sb, p[i]);
    }
    return sb_detach(&sb);
}

/* The cells of a table row "| a | b |" (inline marks dropped). Returns the count. */
static size_t table_cells(const char *p, size_t len, char ***cells)
{
    size_t n = 0, cap = 0;
    *cells = NULL;
    size_t i = p[0] == '|' ? 1 : 0;
    while (i < len) {
        size_t start = i;
        while (i < len && !(p[i] == '|' && (i == 0 || p[i - 1] != '\\')))
            i++;
        size_t a = start, b = i;
        while (a < b && p[a] == ' ')
            a++;
        while (b > a && p[b - 1] == ' ')
            b--;
        if (i < len || b > a) {
            *cells = xgrow(*cells, &cap, n + 1, sizeof **cells);
            (*cells)[n++] = inline_text(p + a, b - a);
        }
        i++;
    }
    return n;
}

static bool is_rule_row(char **cells, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strspn(cells[i], "-:") != strlen(cells[i]) || cells[i][0] == '\0')
            return false;
    return n > 0;
}

/* A table: columns as wide as their widest cell, narrowed (widest first) until the table
 * fits; cells wrap inside their column. */
static void render_table(struct lines *d, const char **rows, const size_t *lens, size_t nrows,
                         bool ascii)
{
    char ***cells = xcalloc(nrows, sizeof *cells);
    size_t *ncells = xcalloc(nrows, sizeof *ncells);
    size_t ncol = 0;
    for (size_t r = 0; r < nrows; r++) {
        ncells[r] = table_cells(rows[r], lens[r], &cells[r]);
        if (ncells[r] > ncol)
            ncol = ncells[r];
    }
    int *wid = xcalloc(ncol + 1, sizeof *wid);
    for (size_t r = 0; r < nrows; r++) {
        if (is_rule_row(cells[r], ncells[r]))
            continue;
        for (size_t c = 0; c < ncells[r]; c++) {
            int w = text_width(cells[r][c], strlen(cells[r][c]));
            if (w > wid[c])
                wid[c] = w;
        }
    }
    const char *sep = ascii ? " | " : " │ ";
    int avail = d->width - 3 * ((int)ncol - 1);
    for (;;) {
        int total = 0, wi = 0;
        for (size_t c = 0; c < ncol; c++) {
            total += wid[c];
            if (wid[c] > wid[wi])
                wi = (int)c;
        }
        if (total <= avail || wid[wi] <= 8)
            break;
        wid[wi]--;
    }
    for (size_t r = 0; r < nrows; r++) {
        if (is_rule_row(cells[r], ncells[r])) {
            struct strbuf sb = STRBUF_INIT;
            for (size_t c = 0; c < ncol; c++) {
                for (int k = 0; k < wid[c]; k++)
                    sb_adds(&sb, ascii ? "-" : "─");
                if (c + 1 < ncol)
                    sb_adds(&sb, ascii ? "-+-" : "─┼─");
            }
            lines_push(d, sb.s, sb.len, R_DIM, 0);
            sb_finish(&sb);
            continue;
        }
        /* wrap every cell to its column, then lay the pieces side by side */
        struct lines *parts = xcalloc(ncol, sizeof *parts);
        size_t height = 1;
        for (size_t c = 0; c < ncol; c++) {
            parts[c].width = wid[c];
            lines_wrap(&parts[c], c < ncells[r] ? cells[r][c] : "", R_NORMAL, 0, 0);
            if (parts[c].n > height)
                height = parts[c].n;
        }
        for (size_t k = 0; k < height; k++) {
            struct strbuf sb = STRBUF_INIT;
            for (size_t c = 0; c < ncol; c++) {
                const char *t = k < parts[c].n ? parts[c].v[k].text : "";
                sb_adds(&sb, t);
                if (c + 1 < ncol) {
                    for (int pad = text_width(t, strlen(t)); pad < wid[c]; pad++)
                        sb_addc(&sb, ' ');
                    sb_adds(&sb, sep);
                }
            }
            lines_push(d, sb.s, sb.len, r == 0 ? R_TITLE : R_NORMAL, 0);
            sb_finish(&sb);
        }
        for (size_t c = 0; c < ncol; c++)
            lines_free(&parts[c]);
        free(parts);
    }
    for (size_t r = 0; r < nrows; r++) {
        for (size_t c = 0; c < ncells[r]; c++)
            free(cells[r][c]);
        free(cells[r]);
    }
    free(cells);
    free(ncells);
    free(wid);
}

/* The verdict first: the title, then the pattern and settings sections, then the rest in
 * the exported order. The caller frees. */
static char *verdict_first(const char *md)
{
    struct strbuf head = STRBUF_INIT, first = STRBUF_INIT, rest = STRBUF_INIT;
    struct strbuf *to = &head;
    bool fence = false, title = true;
    for (const char *p = md; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
        if (len >= 3 && strncmp(p, "```", 3) == 0)
            fence = !fence;
        if (!fence && strncmp(p, "## ", 3) == 0)
            to = strncmp(p, "## Pattern", 10) == 0 || strncmp(p, "## Settings", 11) == 0 ? &first
                                                                                         : &rest;
        if (title && strncmp(p, "# ", 2) == 0) {
            sb_add(&head, p, len);
            sb_adds(&head, "\n");
            title = false;
            to = &rest;
        } else {
            sb_add(to, p, len);
        }
        p += len;
    }
    sb_add(&head, first.s ? first.s : "", first.len);
    sb_add(&head, rest.s ? rest.s : "", rest.len);
    sb_finish(&first);
    sb_finish(&rest);
    return sb_detach(&head);
}

/* The exported Markdown, rendered: distinct headings, paragraphs and list items wrapped,
 * tables aligned to fit, fenced code indented (Rust coloured). */
void pane_document(struct session *s, struct lines *d, bool ascii)
{
    char *md = verdict_first(s->report ? s->report : "");
    const char *p = md;
    bool fence = false, rust = false;
    struct hl_state st = HL_STATE_INIT;
    struct strbuf para = STRBUF_INIT;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        const char *next = nl ? nl + 1 : p + len;
        bool ticks = len >= 3 && strncmp(p, "```", 3) == 0;
        bool item = len > 1 && (p[0] == '-' || p[0] == '*') && p[1] == ' ';
        bool numbered = len > 2 && p[0] >= '0' && p[0] <= '9' && p[1] == '.' && p[2] == ' ';
        bool block = ticks || fence || len == 0 || p[0] == '#' || p[0] == '|' || item || numbered;
        if (block && para.len) {
            char *t = inline_text(para.s, para.len);
            lines_wrap(d, t, R_NORMAL, 0, 0);
            free(t);
            sb_reset(&para);
        }
        if (ticks) {
            fence = !fence;
            rust = fence && len > 3 && strncmp(p + 3, "rust", 4) == 0;
            st = (struct hl_state)HL_STATE_INIT;
            if (fence && len > 3) { /* the language, dimmed, instead of the fence */
                char *lang = xasprintf("%s %.*s", ascii ? "--" : "──", (int)(len - 3), p + 3);
                lines_push(d, lang, strlen(lang), R_DIM, 2);
                free(lang);
            }
        } else if (fence) {
            lines_push(d, p, len, R_CODE_STRING, 4);
            if (rust) {
                struct line *l = &d->v[d->n - 1];
                l->kinds = xmalloc(len + 1);
                hl_line(&st, p, len, l->kinds);
            }
        } else if (len == 0) {
            if (d->n && d->v[d->n - 1].text[0] != '\0')
                lines_blank(d);
        } else if (p[0] == '#') {
            size_t h = 0;
            while (h < len && p[h] == '#')
                h++;
            size_t level = h;
            while (h < len && p[h] == ' ')
                h++;
            char *text = inline_text(p + h, len - h);
            size_t first = d->n;
            if (level == 1) {
                lines_wrap(d, text, R_HEADING, 0, 0);
                struct strbuf u = STRBUF_INIT;
                int w = text_width(text, strlen(text));
                for (int k = 0; k < w && k < d->width; k++)
                    sb_adds(&u, ascii ? "=" : "═");
                lines_push(d, u.s, u.len, R_HEADING, 0);
                sb_finish(&u);
            } else if (level == 2) {
                char *t = xasprintf("%s %s", ascii ? "==" : "■", text);
                lines_wrap(d, t, R_TITLE, 0, 2);
                free(t);
            } else {
                char *t = xasprintf("%s %s", ascii ? "-" : "▸", text);
                lines_wrap(d, t, R_HEADING, 1, 2);
                free(t);
            }
            if (first < d->n)
                d->v[first].heading = level <= 3;
            free(text);
        } else if (p[0] == '|') {
            const char *rows[256];
            size_t lens[256], n = 0;
            const char *q = p;
            while (*q == '|' && n < 256) {
                const char *e = strchr(q, '\n');
                lens[n] = e ? (size_t)(e - q) : strlen(q);
                rows[n++] = q;
                q = e ? e + 1 : q + lens[n - 1];
            }
            render_table(d, rows, lens, n, ascii);
            next = q;
        } else if (item || numbered) {
            /* a list item, with its continuation lines, wrapped under its text */
            struct strbuf it = STRBUF_INIT;
            size_t skip = item ? 2 : 3;
            sb_add(&it, p + skip, len - skip);
            /* continuation: indented, or any text line that starts no other block */
            while (
                *next && *next != '\n' &&
                ((next[0] == ' ' && next[1] == ' ') ||
                 (!strchr("#|-*`", *next) && !(*next >= '0' && *next <= '9' && next[1] == '.')))) {
                const char *n2 = strchr(next, '\n');
                size_t l2 = n2 ? (size_t)(n2 - next) : strlen(next);
                const char *t = next;
                while (*t == ' ')
                    t++;
                sb_addc(&it, ' ');
                sb_add(&it, t, l2 - (size_t)(t - next));
                next = n2 ? n2 + 1 : next + l2;
            }
            char *text = inline_text(it.s, it.len);
            char *line = item ? xasprintf("%s %s", ascii ? "*" : "•", text)
                              : xasprintf("%.*s %s", 2, p, text);
            lines_wrap(d, line, R_NORMAL, 2, item ? 2 : 3);
            free(line);
            free(text);
            sb_finish(&it);
        } else {
            if (para.len)
                sb_addc(&para, ' ');
            sb_add(&para, p, len);
        }
        p = next;
    }
    if (para.len) {
        char *t = inline_text(para.s, para.len);
        lines_wrap(d, t, R_NORMAL, 0, 0);
        free(t);
    }
    sb_finish(&para);
    free(md);
}

void pane_scan(struct session *s, struct lines *d, bool ascii)
{
    const struct scan_result *r = &s->scan;
    (void)ascii; /* the scan screen is ASCII on every terminal */
    size_t sev[3] = {0};
    for (size_t i = 0; i < r->n; i++)
        sev[r->v[i].severity == SEV_ERROR ? 0 : r->v[i].severity == SEV_WARNING ? 1 : 2]++;
    char *head = xasprintf("%s: %zu finding%s in %zu file%s (%zu error%s, %zu warning%s, %zu "
                           "note%s)",
                           s->scan_path, r->n, r->n == 1 ? "" : "s", r->files_scanned,
                           r->files_scanned == 1 ? "" : "s", sev[0], sev[0] == 1 ? "" : "s", sev[1],
                           sev[1] == 1 ? "" : "s", sev[2], sev[2] == 1 ? "" : "s");
    lines_wrap(d, head, R_HEADING, 0, 2);
    free(head);
    for (size_t i = 0; i < r->n; i++) {
        const struct finding *f = &r->v[i];
        lines_blank(d);
        /* Paths relative to what was scanned, as people type them. */
        const char *path = f->path;
        size_t root = strlen(s->scan_path);
        if (strncmp(path, s->scan_path, root) == 0 && path[root] == '/')
            path += root + 1;
        char *loc = xasprintf("%s:%d:%d %s [%s]", path, f->line, f->col, severity_name(f->severity),
                              f->rule);
        lines_wrap(d, loc,
                   f->severity == SEV_ERROR     ? R_SEV_ERROR
                   : f->severity == SEV_WARNING ? R_SEV_WARNING
                                                : R_SEV_NOTE,
                   0, 2);
        d->v[d->n - 1].heading = true;
        free(loc);
        lines_wrap(d, f->message, R_NORMAL, 2, 2);
        if (f->snippet) {
            /* the source line as it is, and a marker under the finding's column */
            char *line = xasprintf("%d | %s", f->line, f->snippet);
            lines_push(d, line, strlen(line), R_CODE_STRING, 4);
            size_t gut = (size_t)snprintf(NULL, 0, "%d | ", f->line);
            int col = f->col > 0 ? f->col - 1 : 0;
            int at = text_width(f->snippet, (size_t)col < strlen(f->snippet) ? (size_t)col
                                                                             : strlen(f->snippet));
            struct strbuf m = STRBUF_INIT;
            for (size_t k = 0; k + 2 < gut; k++)
                sb_addc(&m, ' ');
            sb_adds(&m, "| ");
            for (int k = 0; k < at; k++)
                sb_addc(&m, ' ');
            sb_addc(&m, '^');
            size_t slen = strlen(f->snippet);
            size_t c0 = (size_t)col < slen ? (size_t)col : slen;
            size_t want =
                f->end_line == f->line && f->end_col > f->col ? (size_t)(f->end_col - f->col) : 1;
            if (want > slen - c0)
                want = slen - c0;
            size_t span = want ? (size_t)text_width(f->snippet + c0, want) : 1;
            for (size_t k = 1; k < span; k++)
                sb_addc(&m, '~');
            lines_push(d, m.s, m.len, R_SEV_WARNING, 4);
            sb_finish(&m);
            free(line);
        }
        if (f->fix) {
            char *fix = xasprintf("fix: %s", f->fix);
            lines_wrap(d, fix, R_DIM, 2, 5);
            free(fix);
        }
    }
    for (size_t i = 0; i < r->nnotes; i++) {
        if (i == 0)
            lines_blank(d);
        lines_wrap(d, r->notes[i], R_DIM, 0, 2);
    }
}
