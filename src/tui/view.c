/* The view: layout, panels, and drawing each pane from the session model. */
#include "view.h"
#include "app.h"
#include "colors.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"
#include "panes.h"
#include "text.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

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

static void layout(struct view *v, bool wide, bool full)
{
    v->wide = wide;
    v->full = full;
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
        if (full) /* the code viewer over the whole screen */
            make(v, VP_CODE, main_h, W, 1, 0);
        else
            make(v, VP_CODE, main_h - adv_h, right, 1 + adv_h, left);
        if (full) {
            hide_panel(v->panel[VP_MAIN]);
            hide_panel(v->panel[VP_ADVICE]);
        }
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
    v->cursor = -1;
    const char *cs = nl_langinfo(CODESET);
    v->ascii = !(cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0));
    layout(v, false, false);
}

void view_finish(struct view *v)
{
    destroy_windows(v);
}

void view_resize(struct view *v)
{
    layout(v, v->wide, v->full);
}

WINDOW *view_input(struct view *v)
{
    return v->win[VP_STATUS];
}

/* ---- panes ---- */

/* The document's pending requests: a search (next or previous match from the top line) and a
 * section jump; then the offset is kept inside the document. */
static void doc_requests(struct session *s, struct lines *d, int h)
{
    int n = (int)d->n;
    if (s->search && s->search_dir && n > 0) {
        int dir = s->search_dir, found = -1;
        size_t tl = strlen(s->search);
        for (int k = 1; k <= n && found < 0; k++) {
            int i = ((s->main_top + dir * k) % n + n) % n;
            const char *t = d->v[i].text;
            for (size_t j = 0; t[j] && found < 0; j++)
                if (strncasecmp(t + j, s->search, tl) == 0)
                    found = i;
        }
        if (found < 0)
            session_say(s, true, "Not found: %s", s->search);
        else
            s->main_top = found;
        s->search_dir = 0;
    }
    if (s->section_dir) {
        int i = s->main_top + s->section_dir;
        while (i >= 0 && i < n && !d->v[i].heading)
            i += s->section_dir;
        if (i >= 0 && i < n)
            s->main_top = i;
        else
            s->main_top = s->section_dir > 0 ? n : 0;
        s->section_dir = 0;
    }
    int max = n - h;
    if (s->main_top > max)
        s->main_top = max > 0 ? max : 0;
}

static void draw_main(struct view *v, struct session *s, int *cy, int *cx)
{
    WINDOW *w = v->win[VP_MAIN];
    werase(w);
    int h = getmaxy(w) - 2, width = getmaxx(w) - 2;
    s->main_h = h;
    struct lines d = {.width = width};
    char *title = NULL;
    int fy = -1, fx = 0;
    switch (s->screen) {
    case TS_QUESTION:
        pane_question(v, s, &d, &title, &fy, &fx);
        break;
    case TS_REVIEW:
        title = xstrdup("Review");
        pane_review(v, s, &d);
        break;
    case TS_FINAL:
        title = xstrdup("The advice");
        pane_document(s, &d, v->ascii);
        break;
    case TS_SCAN:
        title = xstrdup("Scan");
        pane_scan(s, &d, v->ascii);
        break;
    }
    text_frame(w, title, s->focus == TF_MAIN);
    free(title);
    bool doc = s->screen == TS_FINAL || s->screen == TS_SCAN;
    if (doc)
        doc_requests(s, &d, h);
    lines_draw(w, &d, s->main_top, h, width);
    if (doc && s->search)
        for (int row = 0; row < h && (size_t)(s->main_top + row) < d.n; row++) {
            const struct line *l = &d.v[s->main_top + row];
            text_mark_matches(w, 1 + row, 1 + l->indent, l->text, strlen(l->text), s->search, 0,
                              width - l->indent);
        }
    if (doc && (int)d.n > h) { /* where we are in the document */
        int end = s->main_top + h < (int)d.n ? s->main_top + h : (int)d.n;
        char *pos = xasprintf(" %d-%d of %zu %s %d%% ", s->main_top + 1, end, d.n,
                              v->ascii ? "-" : "·", (int)(100L * end / (long)d.n));
        int pw = text_width(pos, strlen(pos));
        wmove(w, getmaxy(w) - 1, getmaxx(w) - 2 - pw);
        text_put(w, pos, strlen(pos), pw, 0, colors_attr(R_TITLE));
        free(pos);
    }
    if (fy >= 0 && fy >= s->main_top && fy - s->main_top < h) {
        const struct question *q = session_question(s);
        int y = 1 + fy - s->main_top;
        if (q && q->unit) {
            wmove(w, y, 1 + 2 + 11);
            text_put(w, q->unit, strlen(q->unit), width - 13, 0, colors_attr(R_NORMAL));
        }
        *cy = getbegy(w) + y;
        *cx = getbegx(w) + 1 + fx;
    }
    if (!doc && (size_t)(s->main_top + h) < d.n) {
        /* On a question the rest of its help is behind ?; elsewhere the pane scrolls. */
        const char *more = s->screen == TS_QUESTION ? " more: ? "
                           : v->ascii               ? " more v "
                                                    : " more ↓ ";
        wmove(w, getmaxy(w) - 1, getmaxx(w) - 1 - text_width(more, strlen(more)));
        text_put(w, more, strlen(more), 9, 0, colors_attr(R_TITLE));
    }
    lines_free(&d);
}

/* One crumb: the answer's label (several joined by "+"), a number with its unit. */
static char *crumb(const struct question *q, const struct value *v)
{
    if (q->kind == Q_NUMBER)
        return xasprintf("%ld%s%s", v->num, q->unit ? " " : "", q->unit ? q->unit : "");
    if (q->kind == Q_MULTI) {
        struct strbuf sb = STRBUF_INIT;
        for (size_t c = 0; c < q->nchoices; c++)
            if ((v->mask >> c) & 1)
                sb_addf(&sb, "%s%s", sb.len ? "+" : "", q->choices[c].label);
        return sb.len ? sb_detach(&sb) : (sb_finish(&sb), xstrdup("none"));
    }
    return xstrdup(q->choices[v->choice].label);
}

static void draw_bar(struct view *v, struct session *s)
{
    WINDOW *w = v->win[VP_BAR];
    attr_t a = colors_attr(R_BAR);
    wbkgdset(w, ' ' | a);
    werase(w);
    /* The breadcrumb: every answer in tree order, by its label. When they do not fit, each
     * long crumb is shortened (with an ellipsis) rather than dropping the early ones. */
    const char *sep = v->ascii ? " > " : " › ";
    const char *ell = v->ascii ? "~" : "…";
    char *crumbs[TREE_MAX_CHOICES * 2];
    size_t n = 0;
    for (size_t i = 0; i < s->tree->nquestions && n < sizeof crumbs / sizeof *crumbs; i++)
        if (s->eng.answers[i].set && engine_is_asked(&s->eng, i))
            crumbs[n++] = crumb(&s->tree->questions[i], &s->eng.answers[i]);
    const char *title = " lambda-advisor ";
    wmove(w, 0, 0);
    int tw = text_put(w, title, strlen(title), v->cols, 0, a | A_BOLD);
    int room = v->cols - tw - 2;
    int sepw = text_width(sep, strlen(sep));
    int k = 1000; /* the widest a crumb may be */
    for (int pass = 0;; k--) {
        int total = 0;
        for (size_t i = 0; i < n; i++) {
            int cw = text_width(crumbs[i], strlen(crumbs[i]));
            total += (cw > k ? k : cw) + (i ? sepw : 0);
        }
        if (total <= room)
            break;
        if (k > 12)
            continue;
        if (pass == 1) { /* even the values do not fit: the latest ones are kept */
            size_t drop = 0;
            while (drop + 1 < n && total > room - 6) {
                total -= text_width(crumbs[drop], strlen(crumbs[drop])) + sepw;
                drop++;
            }
            for (size_t i = 0; i < drop; i++)
                free(crumbs[i]);
            memmove(crumbs, crumbs + drop, (n - drop) * sizeof *crumbs);
            n -= drop;
            text_put(w, " ", 1, 1, 0, a);
            text_put(w, ell, strlen(ell), 1, 0, a);
            k = 1000; /* then " " and the crumbs */
            break;
        }
        /* the labels do not fit even shortened: the values, which are short */
        pass = 1;
        k = 1001;
        size_t j = 0;
        for (size_t i = 0; i < s->tree->nquestions && j < n; i++)
            if (s->eng.answers[i].set && engine_is_asked(&s->eng, i)) {
                const struct question *q = &s->tree->questions[i];
                free(crumbs[j]);
                char *val = question_format_value(q, &s->eng.answers[i]);
                crumbs[j++] = q->kind == Q_NUMBER && q->unit ? xasprintf("%s %s", val, q->unit)
                                                             : xstrdup(val);
                free(val);
            }
    }
    text_put(w, " ", 1, 1, 0, a);
    if (n == 0) {
        const char *none = "no answers yet";
        text_put(w, none, strlen(none), room, 0, a);
    }
    for (size_t i = 0; i < n; i++) {
        int left = v->cols - getcurx(w) - 1;
        if (left <= 0)
            break;
        if (i)
            text_put(w, sep, strlen(sep), left, 0, a);
        left = v->cols - getcurx(w) - 1;
        int cw = text_width(crumbs[i], strlen(crumbs[i]));
        if (cw > k) {
            size_t fit = text_fit(crumbs[i], strlen(crumbs[i]), k - 1);
            text_put(w, crumbs[i], fit, left, 0, a);
            text_put(w, ell, strlen(ell), 1, 0, a);
        } else {
            text_put(w, crumbs[i], strlen(crumbs[i]), left, 0, a);
        }
    }
    for (size_t i = 0; i < n; i++)
        free(crumbs[i]);
}

static void draw_msg(struct view *v, struct session *s)
{
    WINDOW *w = v->win[VP_MSG];
    werase(w);
    if (s->message) {
        wmove(w, 0, 1);
        text_put(w, s->message, strlen(s->message), v->cols - 2, 0,
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
    text_put(w, keys, strlen(keys), v->cols - 2, 0, a);
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
    struct lines d = {.width = width - 4};
    if (s->prompt.text && s->prompt.kind == PK_HELP)
        lines_prose(&d, s->prompt.text, R_NORMAL, 0);
    else if (s->prompt.text)
        lines_wrap(&d, s->prompt.text, R_NORMAL, 0, 0);
    int field_row = -1;
    if (s->prompt.kind == PK_TEXT) {
        lines_blank(&d);
        field_row = (int)d.n;
        lines_blank(&d);
        if (s->prompt.alts) {
            lines_wrap(&d, s->prompt.alts, R_DIM, 0, 0);
            lines_blank(&d);
        }
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
        lines_free(&d);
        return;
    }
    replace_panel(p, w);
    delwin(old);
    v->win[VP_OVERLAY] = w;
    show_panel(p);
    top_panel(p);
    werase(w);
    text_frame(w, s->prompt.title, true);
    struct lines inner = d;
    for (size_t i = 0; i < inner.n; i++)
        inner.v[i].indent += 1;
    lines_draw(w, &inner, top, inner_h, width - 2);
    if (top + inner_h < (int)d.n) {
        wmove(w, h - 1, width - 10);
        text_put(w, v->ascii ? " more v " : " more ↓ ", 12, 8, 0, colors_attr(R_TITLE));
    }
    if (field_row >= 0 && field_row + 1 < h - 1) {
        int fw = width - 6;
        wmove(w, 1 + field_row, 2);
        attr_t fa = colors_attr(R_FIELD);
        wattron(w, fa);
        for (int x = 0; x < fw; x++)
            waddch(w, ' ');
        wattroff(w, fa);
        char *buf = edit_bytes(&s->prompt.edit);
        int cc = edit_cursor_col(&s->prompt.edit);
        int skip = cc > fw - 1 ? cc - (fw - 1) : 0;
        wmove(w, 1 + field_row, 2);
        /* the proposed text is dimmed until typing replaces it */
        text_put(w, buf, strlen(buf), fw, skip, s->prompt.edit.fresh ? fa | A_DIM : fa);
        free(buf);
        *cy = getbegy(w) + 1 + field_row;
        *cx = getbegx(w) + 2 + cc - skip;
    }
    lines_free(&d);
}

static void draw_small(struct view *v, const struct session *s)
{
    WINDOW *w = v->win[VP_SMALL];
    werase(w);
    char *msg = xasprintf("The terminal is too small: %dx%d.\nlambda-advisor needs at least "
                          "%dx%d.\nMake the window larger, or press q to quit.%s%s",
                          v->cols, v->lines, VIEW_MIN_COLS, VIEW_MIN_LINES,
                          s->prompt.kind == PK_CONFIRM ? "\n\n" : "",
                          s->prompt.kind == PK_CONFIRM ? s->prompt.text : "");
    struct lines d = {.width = v->cols > 2 ? v->cols - 2 : 1};
    lines_wrap(&d, msg, R_ERROR, 0, 0);
    for (size_t i = 0; i < d.n && (int)i < v->lines; i++) {
        wmove(w, (int)i, 0);
        text_put(w, d.v[i].text, strlen(d.v[i].text), v->cols, 0, colors_attr(R_ERROR));
    }
    lines_free(&d);
    free(msg);
}

/* Shows or hides the text cursor; only a change reaches the terminal. */
static void cursor_visible(struct view *v, int on)
{
    if (v->cursor != on)
        curs_set(on);
    v->cursor = on;
}

void view_draw(struct view *v, struct session *s, unsigned r)
{
    if (v->too_small) {
        draw_small(v, s);
        cursor_visible(v, 0);
        update_panels();
        doupdate();
        return;
    }
    bool wide = s->screen == TS_FINAL || s->screen == TS_SCAN;
    bool full = !wide && s->code_full && s->focus == TF_CODE;
    if (wide != v->wide || full != v->full) {
        layout(v, wide, full);
        r = TR_ALL;
    }
    int cy = -1, cx = -1;
    if (full)
        r &= ~(unsigned)(TR_MAIN | TR_ADVICE);
    if (r & TR_MAIN)
        draw_main(v, s, &cy, &cx);
    else if (!full && s->screen == TS_QUESTION && session_question(s)->kind == Q_NUMBER) {
        /* keep the field's cursor where it was drawn last */
        draw_main(v, s, &cy, &cx);
    }
    if (r & TR_ADVICE)
        pane_advice(v, s);
    if (r & TR_CODE)
        pane_code(v, s);
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
        cursor_visible(v, 1);
        setsyx(oy, ox);
    } else if (s->prompt.kind == PK_NONE && cy >= 0 && s->focus == TF_MAIN) {
        cursor_visible(v, 1);
        setsyx(cy, cx);
    } else {
        cursor_visible(v, 0);
    }
    doupdate();
}
