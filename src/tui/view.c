/* The view: layout, panels, and drawing each pane from the session model. */
#include "view.h"
#include "app.h"
#include "colors.h"
#include "hl.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* ---- text: UTF-8 to the screen, by display width ---- */

/* Draws up to n bytes of s at the window's cursor within maxw columns, skipping the first
 * skip columns. Returns the columns drawn. */
static int put_text(WINDOW *w, const char *s, size_t n, int maxw, int skip, attr_t a)
{
    mbstate_t ps;
    memset(&ps, 0, sizeof ps);
    int col = 0, drawn = 0;
    size_t i = 0;
    while (i < n && drawn < maxw) {
        wchar_t wc;
        size_t k = mbrtowc(&wc, s + i, n - i, &ps);
        if (k == (size_t)-1 || k == (size_t)-2) {
            memset(&ps, 0, sizeof ps);
            wc = L'?';
            k = 1;
        } else if (k == 0) {
            break;
        }
        i += k;
        if (wc == L'\t')
            wc = L' ';
        int cw = wcwidth(wc);
        if (cw < 0) {
            wc = L'?';
            cw = 1;
        }
        if (col < skip) {
            col += cw;
            continue;
        }
        if (drawn + cw > maxw)
            break;
        cchar_t cc;
        wchar_t str[2] = {wc, L'\0'};
        setcchar(&cc, str, a, PAIR_NUMBER(a), NULL);
        wadd_wch(w, &cc);
        drawn += cw;
        col += cw;
    }
    return drawn;
}

static int text_width(const char *s, size_t n)
{
    mbstate_t ps;
    memset(&ps, 0, sizeof ps);
    int col = 0;
    size_t i = 0;
    while (i < n) {
        wchar_t wc;
        size_t k = mbrtowc(&wc, s + i, n - i, &ps);
        if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
            memset(&ps, 0, sizeof ps);
            k = 1;
            wc = L'?';
        }
        i += k;
        int cw = wcwidth(wc);
        col += cw < 0 ? 1 : cw;
    }
    return col;
}

/* Bytes of s (up to n) that fit in width columns. */
static size_t fit_bytes(const char *s, size_t n, int width)
{
    mbstate_t ps;
    memset(&ps, 0, sizeof ps);
    int col = 0;
    size_t i = 0;
    while (i < n) {
        wchar_t wc;
        size_t k = mbrtowc(&wc, s + i, n - i, &ps);
        if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
            memset(&ps, 0, sizeof ps);
            k = 1;
            wc = L'?';
        }
        int cw = wcwidth(wc);
        cw = cw < 0 ? 1 : cw;
        if (col + cw > width)
            break;
        col += cw;
        i += k;
    }
    return i;
}

/* ---- a list of display lines, built per pane and drawn with a scroll offset ---- */

struct dline {
    char *text;
    enum role role;
    int indent;
    unsigned char *kinds; /* Rust colouring per byte (hl_kind), or NULL */
};

struct dlines {
    struct dline *v;
    size_t n, cap;
    int width;
};

static void dl_push(struct dlines *d, const char *s, size_t n, enum role role, int indent)
{
    d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
    d->v[d->n++] = (struct dline){xstrndup(s, n), role, indent, NULL};
}

/* Adds text wrapped at word boundaries to the list's width; newlines start new lines.
 * Continuation lines are indented by hang columns more than indent. */
static void dl_wrap(struct dlines *d, const char *text, enum role role, int indent, int hang)
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
            size_t take = fit_bytes(p, len, width);
            if (take < len) {
                size_t sp = take;
                while (sp > 0 && p[sp] != ' ')
                    sp--;
                if (sp > 0)
                    take = sp;
            }
            dl_push(d, p, take, role, indent + (first ? 0 : hang));
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

static void dl_blank(struct dlines *d)
{
    dl_push(d, "", 0, R_NORMAL, 0);
}

static void dl_free(struct dlines *d)
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
static char *reflow(const char *src)
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

static void dl_prose(struct dlines *d, const char *md, enum role role, int indent)
{
    char *text = reflow(md);
    dl_wrap(d, text, role, indent, 0);
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
static void draw_code_line(WINDOW *w, const char *p, size_t len, const unsigned char *kinds,
                           int left, int width)
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
            put_text(w, p + i, j - i, width - used, skip,
                     colors_attr(hl_role((enum hl_kind)kinds[i])));
        col += seg;
        i = j;
    }
}

/* Draws lines [top, top + h) of d in the window's inner area (inside the border). */
static void dl_draw(WINDOW *w, const struct dlines *d, int top, int h, int width)
{
    for (int row = 0; row < h && (size_t)(top + row) < d->n; row++) {
        const struct dline *l = &d->v[top + row];
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
            draw_code_line(w, l->text, strlen(l->text), l->kinds, 0, width - l->indent);
        else
            put_text(w, l->text, strlen(l->text), width - l->indent, 0, a);
    }
}

/* ---- layout ---- */

static void destroy_windows(struct view *v)
{
    for (int i = 0; i < VP_COUNT; i++) {
        if (v->panel[i])
            del_panel(v->panel[i]);
        if (v->win[i])
            delwin(v->win[i]);
        v->panel[i] = NULL;
        v->win[i] = NULL;
    }
}

static void make(struct view *v, enum view_pane p, int h, int w, int y, int x)
{
    v->win[p] = newwin(h, w, y, x);
    v->panel[p] = v->win[p] ? new_panel(v->win[p]) : NULL;
    if (v->panel[p] == NULL)
        tui_fatal("cannot make a %dx%d window at %d,%d on a %dx%d terminal", w, h, x, y, COLS,
                  LINES);
}

static void layout(struct view *v, bool wide)
{
    v->wide = wide;
    destroy_windows(v);
    v->lines = LINES;
    v->cols = COLS;
    v->too_small = LINES < VIEW_MIN_LINES || COLS < VIEW_MIN_COLS;
    int H = LINES, W = COLS;
    if (v->too_small) {
        make(v, VP_SMALL, H > 0 ? H : 1, W > 0 ? W : 1, 0, 0);
        make(v, VP_STATUS, 1, 1, 0, 0); /* keys are read from it */
        hide_panel(v->panel[VP_STATUS]);
        untouchwin(v->win[VP_STATUS]); /* reading keys must not paint it over the message */
        top_panel(v->panel[VP_SMALL]);
    } else {
        int main_h = H - 3;
        int left = W >= 120 ? W / 2 : 44 + (W - 80) / 2;
        int right = W - left;
        int adv_h = main_h / 2;
        if (adv_h < 8)
            adv_h = 8;
        make(v, VP_BAR, 1, W, 0, 0);
        make(v, VP_MAIN, main_h, wide ? W : left, 1, 0);
        make(v, VP_ADVICE, adv_h, right, 1, left);
        make(v, VP_CODE, main_h - adv_h, right, 1 + adv_h, left);
        if (wide) {
            hide_panel(v->panel[VP_ADVICE]);
            hide_panel(v->panel[VP_CODE]);
        }
        make(v, VP_MSG, 1, W, H - 2, 0);
        make(v, VP_STATUS, 1, W, H - 1, 0);
        make(v, VP_OVERLAY, 3, 10, 2, 2);
        hide_panel(v->panel[VP_OVERLAY]);
    }
    keypad(v->win[VP_STATUS], TRUE);
    wtimeout(v->win[VP_STATUS], 250);
}

void view_init(struct view *v)
{
    memset(v, 0, sizeof *v);
    const char *cs = nl_langinfo(CODESET);
    v->ascii = !(cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0));
    layout(v, false);
}

void view_finish(struct view *v)
{
    destroy_windows(v);
}

void view_resize(struct view *v)
{
    layout(v, v->wide);
}

WINDOW *view_input(struct view *v)
{
    return v->win[VP_STATUS];
}

/* ---- panes ---- */

static void frame(WINDOW *w, const char *title, bool focus)
{
    attr_t b = colors_attr(focus ? R_BORDER_FOCUS : R_BORDER);
    wattron(w, b);
    box(w, 0, 0);
    wattroff(w, b);
    if (title) {
        int maxw = getmaxx(w) - 4;
        wmove(w, 0, 2);
        put_text(w, " ", 1, maxw, 0, colors_attr(R_TITLE));
        int n = put_text(w, title, strlen(title), maxw - 2, 0, colors_attr(R_TITLE));
        put_text(w, " ", 1, maxw - 1 - n, 0, colors_attr(R_TITLE));
    }
}

static const char *choice_marker(const struct view *v, const struct question *q, bool cursor,
                                 bool ticked)
{
    if (q->kind == Q_MULTI) {
        if (v->ascii)
            return ticked ? (cursor ? "> [x] " : "  [x] ") : (cursor ? "> [ ] " : "  [ ] ");
        return ticked ? (cursor ? "› [✓] " : "  [✓] ") : (cursor ? "› [ ] " : "  [ ] ");
    }
    if (v->ascii)
        return cursor ? "> " : "  ";
    return cursor ? "› " : "  ";
}

/* Keeps the line `want` (and `want_end`) visible in a pane of h rows. */
static int scroll_to(int top, int want, int want_end, int h, size_t n)
{
    if (want_end - top >= h)
        top = want_end - h + 1;
    if (want < top)
        top = want;
    int max = (int)n - h;
    if (top > max)
        top = max;
    return top < 0 ? 0 : top;
}

static int count_asked(const struct session *s, size_t *answered)
{
    int n = 0;
    *answered = 0;
    for (size_t i = 0; i < s->tree->nquestions; i++)
        if (engine_is_asked(&s->eng, i)) {
            n++;
            *answered += s->eng.answers[i].set;
        }
    return n;
}

static void draw_question(struct view *v, struct session *s, struct dlines *d, char **title,
                          int *cur_y, int *cur_x)
{
    const struct question *q = session_question(s);
    size_t answered;
    int total = count_asked(s, &answered);
    if (s->from_review)
        *title = xasprintf("Change an answer %s %s", v->ascii ? "-" : "·", q->id);
    else
        *title =
            xasprintf("Question %zu of %d %s %s", answered + 1, total, v->ascii ? "-" : "·", q->id);
    dl_wrap(d, q->prompt, R_HEADING, 0, 0);
    dl_blank(d);
    int want = 0, want_end = 0;
    if (q->kind == Q_NUMBER) {
        char *valid = question_valid_values(q);
        char *line = xasprintf("%s%s%s", valid, q->unit ? " " : "", q->unit ? q->unit : "");
        dl_wrap(d, line, R_DIM, 0, 0);
        free(line);
        free(valid);
        dl_blank(d);
        want = (int)d->n;
        char *field = xasprintf("%-10s", s->num);
        dl_push(d, field, strlen(field), R_FIELD, 2);
        *cur_y = (int)d->n - 1;
        *cur_x = 2 + (int)strlen(s->num);
        free(field);
        want_end = want;
    } else {
        for (size_t i = 0; i < q->nchoices; i++) {
            bool cur = i == s->cursor;
            bool ticked = q->kind == Q_MULTI && ((s->mask >> i) & 1);
            char *line = xasprintf("%s%s", choice_marker(v, q, cur, ticked), q->choices[i].label);
            if (cur)
                want = (int)d->n;
            dl_push(d, line, strlen(line), cur ? R_SELECTED : ticked ? R_CHECKED : R_CHOICE, 0);
            free(line);
        }
        want_end = want;
        const struct choice *c = &q->choices[s->cursor < q->nchoices ? s->cursor : 0];
        if (c->help) {
            dl_blank(d);
            dl_prose(d, c->help, R_NOTE, 2);
            want_end = (int)d->n - 1;
        }
    }
    if (q->help) {
        dl_blank(d);
        dl_prose(d, q->help, R_DIM, 0);
    }
    s->main_top = scroll_to(s->main_top, want, want_end, s->main_h, d->n);
}

static void format_answer(const struct question *q, const struct value *val, char *buf, size_t size)
{
    if (q->kind == Q_NUMBER) {
        snprintf(buf, size, "%ld%s%s", val->num, q->unit ? " " : "", q->unit ? q->unit : "");
        return;
    }
    if (q->kind == Q_MULTI) {
        size_t k = 0, used = 0;
        buf[0] = '\0';
        for (size_t c = 0; c < q->nchoices && used + 1 < size; c++)
            if ((val->mask >> c) & 1) {
                int w =
                    snprintf(buf + used, size - used, "%s%s", k++ ? ", " : "", q->choices[c].label);
                used += w > 0 ? (size_t)w : 0;
            }
        if (k == 0)
            snprintf(buf, size, "none");
        return;
    }
    snprintf(buf, size, "%s", q->choices[val->choice].label);
}

static void draw_review(struct view *v, struct session *s, struct dlines *d)
{
    dl_wrap(d, "Your answers. Choose one to change it, or see the advice.", R_HEADING, 0, 0);
    dl_blank(d);
    size_t row = 0;
    int want = 0, want_end = 0;
    char buf[512];
    for (size_t i = 0; i < s->tree->nquestions; i++) {
        if (!engine_is_asked(&s->eng, i))
            continue;
        const struct question *q = &s->tree->questions[i];
        bool cur = row == s->cursor;
        if (cur)
            want = (int)d->n;
        char *line = xasprintf("%s%s", cur ? (v->ascii ? "> " : "› ") : "  ", q->prompt);
        size_t fit = fit_bytes(line, strlen(line), d->width);
        dl_push(d, line, fit, cur ? R_SELECTED : R_DIM, 0);
        free(line);
        format_answer(q, engine_value(&s->eng, i), buf, sizeof buf);
        dl_wrap(d, buf, R_CHECKED, 4, 0);
        if (cur)
            want_end = (int)d->n - 1;
        row++;
    }
    dl_blank(d);
    bool cur = row == s->cursor;
    if (cur)
        want = want_end = (int)d->n;
    const char *see = v->ascii ? "See the advice ->" : "See the advice →";
    char *line = xasprintf("%s%s", cur ? (v->ascii ? "> " : "› ") : "  ", see);
    dl_push(d, line, strlen(line), cur ? R_SELECTED : R_HEADING, 0);
    free(line);
    s->main_top = scroll_to(s->main_top, want, want_end, s->main_h, d->n);
}

/* The exported Markdown, readable on screen: headings without their #, paragraphs joined
 * and wrapped, code blocks as they are (Rust ones coloured), tables and lists kept. */
static void draw_document(struct session *s, struct dlines *d)
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
            dl_prose(d, para.s, R_NORMAL, 0);
            sb_reset(&para);
        }
        if (ticks) {
            fence = !fence;
            rust = fence && len > 3 && strncmp(p + 3, "rust", 4) == 0;
            st = (struct hl_state)HL_STATE_INIT;
            dl_push(d, p, len, R_DIM, 0);
        } else if (fence) {
            dl_push(d, p, len, R_CODE_STRING, 2);
            if (rust) {
                struct dline *l = &d->v[d->n - 1];
                l->kinds = xmalloc(len + 1);
                hl_line(&st, p, len, l->kinds);
            }
        } else if (len == 0) {
            dl_blank(d);
        } else if (p[0] == '#') {
            size_t h = 0;
            while (h < len && p[h] == '#')
                h++;
            while (h < len && p[h] == ' ')
                h++;
            char *line = xstrndup(p + h, len - h);
            dl_wrap(d, line, p[1] == '#' ? R_TITLE : R_HEADING, 0, 0);
            free(line);
        } else if (p[0] == '|') {
            dl_push(d, p, len, R_NORMAL, 0);
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
            char *text = reflow(item.s);
            dl_wrap(d, text, R_NORMAL, 0, 2);
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
        dl_prose(d, para.s, R_NORMAL, 0);
    sb_finish(&para);
    int max = (int)d->n - s->main_h;
    if (s->main_top > max)
        s->main_top = max > 0 ? max : 0;
}

static void draw_scan(struct session *s, struct dlines *d)
{
    const struct scan_result *r = &s->scan;
    char *head =
        xasprintf("%s: %zu finding%s in %zu file%s", s->scan_path, r->n, r->n == 1 ? "" : "s",
                  r->files_scanned, r->files_scanned == 1 ? "" : "s");
    dl_wrap(d, head, R_HEADING, 0, 2);
    free(head);
    for (size_t i = 0; i < r->n; i++) {
        const struct finding *f = &r->v[i];
        dl_blank(d);
        /* Paths relative to what was scanned, as people type them. */
        const char *path = f->path;
        size_t root = strlen(s->scan_path);
        if (strncmp(path, s->scan_path, root) == 0 && path[root] == '/')
            path += root + 1;
        char *loc = xasprintf("%s:%d:%d %s [%s]", path, f->line, f->col, severity_name(f->severity),
                              f->rule);
        dl_wrap(d, loc,
                f->severity == SEV_ERROR     ? R_SEV_ERROR
                : f->severity == SEV_WARNING ? R_SEV_WARNING
                                             : R_SEV_NOTE,
                0, 2);
        free(loc);
        dl_wrap(d, f->message, R_NORMAL, 2, 0);
        if (f->snippet)
            dl_wrap(d, f->snippet, R_CODE_STRING, 4, 0);
        if (f->fix)
            dl_wrap(d, f->fix, R_DIM, 2, 0);
    }
    for (size_t i = 0; i < r->nnotes; i++) {
        if (i == 0)
            dl_blank(d);
        dl_wrap(d, r->notes[i], R_DIM, 0, 2);
    }
    int max = (int)d->n - s->main_h;
    if (s->main_top > max)
        s->main_top = max > 0 ? max : 0;
}

static void draw_main(struct view *v, struct session *s, int *cy, int *cx)
{
    WINDOW *w = v->win[VP_MAIN];
    werase(w);
    int h = getmaxy(w) - 2, width = getmaxx(w) - 2;
    s->main_h = h;
    struct dlines d = {.width = width};
    char *title = NULL;
    int fy = -1, fx = 0;
    switch (s->screen) {
    case TS_QUESTION:
        draw_question(v, s, &d, &title, &fy, &fx);
        break;
    case TS_REVIEW:
        title = xstrdup("Review");
        draw_review(v, s, &d);
        break;
    case TS_FINAL:
        title = xstrdup("The advice");
        draw_document(s, &d);
        break;
    case TS_SCAN:
        title = xstrdup("Scan");
        draw_scan(s, &d);
        break;
    }
    frame(w, title, s->focus == TF_MAIN);
    free(title);
    dl_draw(w, &d, s->main_top, h, width);
    if (fy >= 0 && fy >= s->main_top && fy - s->main_top < h) {
        const struct question *q = session_question(s);
        int y = 1 + fy - s->main_top;
        if (q && q->unit) {
            wmove(w, y, 1 + 2 + 11);
            put_text(w, q->unit, strlen(q->unit), width - 13, 0, colors_attr(R_NORMAL));
        }
        *cy = getbegy(w) + y;
        *cx = getbegx(w) + 1 + fx;
    }
    if ((size_t)(s->main_top + h) < d.n) {
        /* On a question the rest of its help is behind ?; elsewhere the pane scrolls. */
        const char *more = s->screen == TS_QUESTION ? " more: ? "
                           : v->ascii               ? " more v "
                                                    : " more ↓ ";
        wmove(w, getmaxy(w) - 1, getmaxx(w) - 1 - text_width(more, strlen(more)));
        put_text(w, more, strlen(more), 9, 0, colors_attr(R_TITLE));
    }
    dl_free(&d);
}

static int cmp_priority(const void *a, const void *b)
{
    const struct recommendation *x = *(const struct recommendation *const *)a;
    const struct recommendation *y = *(const struct recommendation *const *)b;
    if (x->priority != y->priority)
        return x->priority < y->priority ? -1 : 1;
    return x < y ? -1 : x > y;
}

/* "arm64 · 1024 MB memory · 5 s timeout": the settings every tree has, on one line. */
static char *key_settings(const struct view *v, const struct advice *adv)
{
    static const struct {
        const char *id, *suffix;
    } keys[] = {{"architecture", ""}, {"memory_mb", " memory"}, {"timeout_s", " timeout"}};
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        const struct setting *st = tree_setting(adv->tree, keys[i].id);
        const char *val = advice_setting_str(adv, keys[i].id);
        if (st == NULL || val == NULL)
            continue;
        sb_addf(&sb, "%s%s%s%s%s", sb.len ? (v->ascii ? " - " : " · ") : "", val,
                st->unit ? " " : "", st->unit ? st->unit : "", keys[i].suffix);
    }
    return sb_detach(&sb);
}

static bool is_key_setting(const char *id)
{
    return strcmp(id, "architecture") == 0 || strcmp(id, "memory_mb") == 0 ||
           strcmp(id, "timeout_s") == 0 || strcmp(id, "pattern") == 0;
}

static void draw_advice(struct view *v, struct session *s)
{
    WINDOW *w = v->win[VP_ADVICE];
    werase(w);
    frame(w, s->eng.nhistory && engine_next(&s->eng) < 0 ? "Advice" : "Advice so far", false);
    const struct tree *t = s->tree;
    const struct advice *adv = &s->adv;
    int width = getmaxx(w) - 2, h = getmaxy(w) - 2;
    struct dlines d = {.width = width};
    const struct setting *ps = tree_setting(t, "pattern");
    if (ps && adv->settings) {
        size_t pi = (size_t)(ps - t->settings);
        const struct choice *pat = &ps->values[adv->settings[pi].choice];
        char *line = xasprintf("%s (%s)", pat->label, pat->value);
        dl_wrap(&d, line, R_HEADING, 0, 2);
        free(line);
    }
    char *keys = key_settings(v, adv);
    dl_wrap(&d, keys, R_CHECKED, 0, 2);
    free(keys);
    if (adv->nrecs) {
        const struct recommendation **top = xcalloc(adv->nrecs, sizeof *top);
        memcpy(top, adv->recs, adv->nrecs * sizeof *top);
        qsort(top, adv->nrecs, sizeof *top, cmp_priority);
        size_t shown = adv->nrecs < 3 ? adv->nrecs : 3;
        char *head = xasprintf("Top %zu of %zu recommendations:", shown, adv->nrecs);
        dl_wrap(&d, head, R_TITLE, 0, 0);
        free(head);
        for (size_t i = 0; i < shown; i++) {
            char *line = xasprintf("%s %s", v->ascii ? "*" : "•", top[i]->title);
            dl_wrap(&d, line, R_NORMAL, 0, 2);
            free(line);
        }
        free(top);
    }
    for (size_t i = 0; adv->setting_text && i < t->nsettings; i++) {
        const struct setting *st = &t->settings[i];
        if (is_key_setting(st->id))
            continue;
        char *line = xasprintf("%s: %s%s%s", st->title, adv->setting_text[i], st->unit ? " " : "",
                               st->unit ? st->unit : "");
        dl_wrap(&d, line, R_DIM, 0, 2);
        free(line);
    }
    dl_draw(w, &d, 0, h, width);
    dl_free(&d);
}

static void draw_code(struct view *v, struct session *s)
{
    WINDOW *w = v->win[VP_CODE];
    werase(w);
    int h = getmaxy(w) - 2, width = getmaxx(w) - 2;
    s->code_h = h;
    const char *code = session_code(s);
    frame(w, "src/main.rs", s->focus == TF_CODE);
    if (code == NULL) {
        struct dlines d = {.width = width};
        dl_wrap(&d, s->files_error ? s->files_error : "No code for these answers", R_DIM, 0, 0);
        dl_draw(w, &d, 0, h, width);
        dl_free(&d);
        return;
    }
    struct hl_state st = HL_STATE_INIT;
    unsigned char *kinds = NULL;
    size_t kcap = 0;
    int line = 0, total = 0;
    const char *p = code;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        kinds = xgrow(kinds, &kcap, len + 1, 1);
        hl_line(&st, p, len, kinds);
        if (line >= s->code_top && line < s->code_top + h) {
            wmove(w, 1 + line - s->code_top, 1);
            draw_code_line(w, p, len, kinds, s->code_left, width);
        }
        line++;
        total++;
        p = nl ? nl + 1 : p + len;
    }
    free(kinds);
    if (s->code_top + h < total) {
        wmove(w, getmaxy(w) - 1, getmaxx(w) - 14);
        char *more = xasprintf(" %d-%d of %d ", s->code_top + 1, s->code_top + h, total);
        put_text(w, more, strlen(more), 13, 0, colors_attr(R_TITLE));
        free(more);
    }
}

static void draw_bar(struct view *v, struct session *s)
{
    WINDOW *w = v->win[VP_BAR];
    attr_t a = colors_attr(R_BAR);
    wbkgdset(w, ' ' | a);
    werase(w);
    /* The breadcrumb: answers so far in tree order, the latest kept when it must be cut. */
    char buf[2048];
    size_t used = 0;
    const char *sep = v->ascii ? " > " : " › ";
    for (size_t i = 0; i < s->tree->nquestions && used + 64 < sizeof buf; i++) {
        if (!s->eng.answers[i].set)
            continue;
        const struct question *q = &s->tree->questions[i];
        char *val = question_format_value(q, &s->eng.answers[i]);
        int n = snprintf(buf + used, sizeof buf - used, "%s%s: %s", used ? sep : "", q->id,
                         *val ? val : "none");
        free(val);
        if (n > 0)
            used += (size_t)n < sizeof buf - used ? (size_t)n : sizeof buf - used - 1;
    }
    buf[used] = '\0';
    const char *title = " lambda-advisor ";
    wmove(w, 0, 0);
    int tw = put_text(w, title, strlen(title), v->cols, 0, a | A_BOLD);
    int room = v->cols - tw - 1;
    int bw = text_width(buf, used);
    const char *start = buf;
    if (bw > room) {
        /* cut from the left: skip bytes until what is left fits with an ellipsis */
        while (*start && text_width(start, strlen(start)) > room - 3)
            start++;
        while ((*start & 0xC0) == 0x80)
            start++;
        put_text(w, v->ascii ? " ..." : " …", 4, 4, 0, a);
    } else {
        put_text(w, " ", 1, 1, 0, a);
    }
    if (used == 0)
        start = "no answers yet";
    put_text(w, start, strlen(start), v->cols - getcurx(w), 0, a);
}

static void draw_msg(struct view *v, struct session *s)
{
    WINDOW *w = v->win[VP_MSG];
    werase(w);
    if (s->message) {
        wmove(w, 0, 1);
        put_text(w, s->message, strlen(s->message), v->cols - 2, 0,
                 colors_attr(s->message_is_error ? R_ERROR : R_NOTE));
    }
}

/* The key hints without arrows, for a terminal that cannot show UTF-8. */
static char *ascii_keys(const char *keys)
{
    static const struct {
        const char *from, *to;
    } subst[] = {{"↑↓", "Up/Down"}, {"←→", "Left/Right"}, {"←", "Left"}, {"→", "Right"}};
    struct strbuf sb = STRBUF_INIT;
    for (const char *p = keys; *p;) {
        size_t i = 0;
        for (; i < sizeof subst / sizeof subst[0]; i++)
            if (strncmp(p, subst[i].from, strlen(subst[i].from)) == 0)
                break;
        if (i < sizeof subst / sizeof subst[0]) {
            sb_adds(&sb, subst[i].to);
            p += strlen(subst[i].from);
        } else {
            sb_addc(&sb, *p++);
        }
    }
    return sb_detach(&sb);
}

static void draw_status(struct view *v, struct session *s)
{
    WINDOW *w = v->win[VP_STATUS];
    attr_t a = colors_attr(R_STATUS);
    wbkgdset(w, ' ' | a);
    werase(w);
    const char *keys = session_keys_hint(s);
    char *ascii = v->ascii ? ascii_keys(keys) : NULL;
    if (ascii)
        keys = ascii;
    wmove(w, 0, 1);
    put_text(w, keys, strlen(keys), v->cols - 2, 0, a);
    free(ascii);
}

static void draw_overlay(struct view *v, struct session *s, int *cy, int *cx)
{
    PANEL *p = v->panel[VP_OVERLAY];
    if (s->prompt.kind == PK_NONE) {
        hide_panel(p);
        return;
    }
    int width = v->cols - 8 < 72 ? v->cols - 8 : 72;
    struct dlines d = {.width = width - 4};
    if (s->prompt.text && s->prompt.kind == PK_HELP)
        dl_prose(&d, s->prompt.text, R_NORMAL, 0);
    else if (s->prompt.text)
        dl_wrap(&d, s->prompt.text, R_NORMAL, 0, 0);
    int field_row = -1;
    if (s->prompt.kind == PK_TEXT) {
        dl_blank(&d);
        field_row = (int)d.n;
        dl_blank(&d);
    }
    int h = (int)d.n + 2;
    if (h > v->lines - 4)
        h = v->lines - 4;
    int inner_h = h - 2;
    if (s->prompt.kind == PK_HELP) {
        int max = (int)d.n - inner_h;
        if (s->prompt.top > max)
            s->prompt.top = max > 0 ? max : 0;
        s->prompt.page = inner_h;
    }
    int top = s->prompt.kind == PK_HELP ? s->prompt.top : 0;
    WINDOW *old = v->win[VP_OVERLAY];
    WINDOW *w = newwin(h, width, (v->lines - h) / 2, (v->cols - width) / 2);
    if (w == NULL) {
        dl_free(&d);
        return;
    }
    replace_panel(p, w);
    delwin(old);
    v->win[VP_OVERLAY] = w;
    show_panel(p);
    top_panel(p);
    werase(w);
    frame(w, s->prompt.title, true);
    struct dlines inner = d;
    for (size_t i = 0; i < inner.n; i++)
        inner.v[i].indent += 1;
    dl_draw(w, &inner, top, inner_h, width - 2);
    if (top + inner_h < (int)d.n) {
        wmove(w, h - 1, width - 10);
        put_text(w, v->ascii ? " more v " : " more ↓ ", 12, 8, 0, colors_attr(R_TITLE));
    }
    if (field_row >= 0 && field_row + 1 < h - 1) {
        int fw = width - 6;
        wmove(w, 1 + field_row, 2);
        attr_t fa = colors_attr(R_FIELD);
        wattron(w, fa);
        for (int x = 0; x < fw; x++)
            waddch(w, ' ');
        wattroff(w, fa);
        char buf[2048];
        size_t n = wcstombs(buf, s->prompt.input, sizeof buf - 1);
        if (n == (size_t)-1)
            n = 0;
        buf[n] = '\0';
        int tw = text_width(buf, n);
        int skip = tw > fw - 1 ? tw - (fw - 1) : 0;
        wmove(w, 1 + field_row, 2);
        int drawn = put_text(w, buf, n, fw, skip, fa);
        *cy = getbegy(w) + 1 + field_row;
        *cx = getbegx(w) + 2 + drawn;
    }
    dl_free(&d);
}

static void draw_small(struct view *v)
{
    WINDOW *w = v->win[VP_SMALL];
    werase(w);
    char *msg = xasprintf("The terminal is too small: %dx%d.\nlambda-advisor needs at least "
                          "%dx%d.\nMake the window larger, or press q to quit.",
                          v->cols, v->lines, VIEW_MIN_COLS, VIEW_MIN_LINES);
    struct dlines d = {.width = v->cols > 2 ? v->cols - 2 : 1};
    dl_wrap(&d, msg, R_ERROR, 0, 0);
    for (size_t i = 0; i < d.n && (int)i < v->lines; i++) {
        wmove(w, (int)i, 0);
        put_text(w, d.v[i].text, strlen(d.v[i].text), v->cols, 0, colors_attr(R_ERROR));
    }
    dl_free(&d);
    free(msg);
}

void view_draw(struct view *v, struct session *s, unsigned r)
{
    if (v->too_small) {
        draw_small(v);
        curs_set(0);
        update_panels();
        doupdate();
        return;
    }
    bool wide = s->screen == TS_FINAL || s->screen == TS_SCAN;
    if (wide != v->wide) {
        layout(v, wide);
        r = TR_ALL;
    }
    int cy = -1, cx = -1;
    if (r & TR_MAIN)
        draw_main(v, s, &cy, &cx);
    else if (s->screen == TS_QUESTION && session_question(s)->kind == Q_NUMBER) {
        /* keep the field's cursor where it was drawn last */
        draw_main(v, s, &cy, &cx);
    }
    if (r & TR_ADVICE)
        draw_advice(v, s);
    if (r & TR_CODE)
        draw_code(v, s);
    if (r & TR_BARS) {
        draw_bar(v, s);
        draw_msg(v, s);
        draw_status(v, s);
    }
    int oy = -1, ox = -1;
    if (s->prompt.kind != PK_NONE || (r & TR_OVERLAY))
        draw_overlay(v, s, &oy, &ox);
    update_panels();
    if (s->prompt.kind == PK_TEXT && oy >= 0) {
        curs_set(1);
        setsyx(oy, ox);
    } else if (s->prompt.kind == PK_NONE && cy >= 0 && s->focus == TF_MAIN) {
        curs_set(1);
        setsyx(cy, cx);
    } else {
        curs_set(0);
    }
    doupdate();
}
