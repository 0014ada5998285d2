/* The full-width documents: the advice as exported, and the findings of a scan. */
#include "hl.h"
#include "lambda_advisor/xalloc.h"
#include "panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The exported Markdown, readable on screen: headings without their #, paragraphs joined
 * and wrapped, code blocks as they are (Rust ones coloured), tables and lists kept. */
void pane_document(struct session *s, struct lines *d)
{
    const char *p = s->report ? s->report : "";
    bool fence = false, rust = false;
    struct hl_state st = HL_STATE_INIT;
    struct strbuf para = STRBUF_INIT;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        const char *next = nl ? nl + 1 : p + len;
        bool ticks = len >= 3 && strncmp(p, "```", 3) == 0;
        bool block = ticks || fence || len == 0 || p[0] == '#' || p[0] == '|' ||
                     (len > 1 && (p[0] == '-' || p[0] == '*') && p[1] == ' ');
        if (block && para.len) {
            lines_prose(d, para.s, R_NORMAL, 0);
            sb_reset(&para);
        }
        if (ticks) {
            fence = !fence;
            rust = fence && len > 3 && strncmp(p + 3, "rust", 4) == 0;
            st = (struct hl_state)HL_STATE_INIT;
            lines_push(d, p, len, R_DIM, 0);
        } else if (fence) {
            lines_push(d, p, len, R_CODE_STRING, 2);
            if (rust) {
                struct line *l = &d->v[d->n - 1];
                l->kinds = xmalloc(len + 1);
                hl_line(&st, p, len, l->kinds);
            }
        } else if (len == 0) {
            lines_blank(d);
        } else if (p[0] == '#') {
            size_t h = 0;
            while (h < len && p[h] == '#')
                h++;
            while (h < len && p[h] == ' ')
                h++;
            char *line = xstrndup(p + h, len - h);
            lines_wrap(d, line, p[1] == '#' ? R_TITLE : R_HEADING, 0, 0);
            free(line);
        } else if (p[0] == '|') {
            lines_push(d, p, len, R_NORMAL, 0);
        } else if (p[0] == '-' || p[0] == '*') {
            /* a list item, with its continuation lines */
            struct strbuf item = STRBUF_INIT;
            sb_add(&item, p, len);
            while (*next == ' ' && next[1] == ' ') {
                const char *n2 = strchr(next, '\n');
                size_t l2 = n2 ? (size_t)(n2 - next) : strlen(next);
                sb_addc(&item, ' ');
                const char *t = next;
                while (*t == ' ')
                    t++;
                sb_add(&item, t, l2 - (size_t)(t - next));
                next = n2 ? n2 + 1 : next + l2;
            }
            char *text = text_reflow(item.s);
            lines_wrap(d, text, R_NORMAL, 0, 2);
            free(text);
            sb_finish(&item);
        } else {
            if (para.len)
                sb_addc(&para, ' ');
            sb_add(&para, p, len);
        }
        p = next;
    }
    if (para.len)
        lines_prose(d, para.s, R_NORMAL, 0);
    sb_finish(&para);
    int max = (int)d->n - s->main_h;
    if (s->main_top > max)
        s->main_top = max > 0 ? max : 0;
}

void pane_scan(struct session *s, struct lines *d)
{
    const struct scan_result *r = &s->scan;
    char *head =
        xasprintf("%s: %zu finding%s in %zu file%s", s->scan_path, r->n, r->n == 1 ? "" : "s",
                  r->files_scanned, r->files_scanned == 1 ? "" : "s");
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
        free(loc);
        lines_wrap(d, f->message, R_NORMAL, 2, 0);
        if (f->snippet)
            lines_wrap(d, f->snippet, R_CODE_STRING, 4, 0);
        if (f->fix)
            lines_wrap(d, f->fix, R_DIM, 2, 0);
    }
    for (size_t i = 0; i < r->nnotes; i++) {
        if (i == 0)
            lines_blank(d);
        lines_wrap(d, r->notes[i], R_DIM, 0, 2);
    }
    int max = (int)d->n - s->main_h;
    if (s->main_top > max)
        s->main_top = max > 0 ? max : 0;
}
