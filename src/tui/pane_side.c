/* The side panes: the advice so far, and the handler being generated. */
#include "hl.h"
#include "lambda_advisor/xalloc.h"
#include "panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* The value under the cursor of the question on screen, when it differs from what the advice
 * uses now: the preview shows what choosing it would give. */
static bool highlighted_value(const struct session *s, struct value *v)
{
    const struct question *q = session_question(s);
    if (q == NULL || s->focus != TF_MAIN || s->prompt.kind != PK_NONE)
        return false;
    const struct value *cur = engine_value(&s->eng, (size_t)s->qi);
    memset(v, 0, sizeof *v);
    v->set = true;
    if (q->kind == Q_CHOICE || q->kind == Q_YESNO) {
        v->choice = (int)s->cursor;
        return v->choice != cur->choice;
    }
    if (q->kind == Q_MULTI) {
        v->mask = s->mask;
        return s->mask != 0 && s->mask != cur->mask;
    }
    return false;
}

/* The answers with the highlighted value in place of the current question's answer. */
static void preview_engine(const struct session *s, const struct value *hv, struct engine *e)
{
    const struct tree *t = s->tree;
    engine_init(e, t);
    for (size_t i = 0; i < t->nquestions; i++)
        if (s->eng.answers[i].set && (long)i != s->qi && engine_is_asked(e, i))
            engine_answer(e, i, &s->eng.answers[i], NULL);
    engine_answer(e, (size_t)s->qi, hv, NULL);
}

/* "pattern: a → b, memory: 1024 → 2048 MB": what differs between two advices' key settings. */
static char *what_changes(const struct view *v, const struct advice *now, const struct advice *then)
{
    static const char *const ids[] = {"pattern", "architecture", "memory_mb", "timeout_s"};
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        const char *a = advice_setting_str(now, ids[i]), *b = advice_setting_str(then, ids[i]);
        if (a && b && strcmp(a, b) != 0)
            sb_addf(&sb, "%s%s %s %s", sb.len ? ", " : "", a, v->ascii ? "->" : "→", b);
    }
    if (now->nrecs != then->nrecs)
        sb_addf(&sb, "%s%zu %s %zu recommendations", sb.len ? ", " : "", now->nrecs,
                v->ascii ? "->" : "→", then->nrecs);
    return sb_detach(&sb);
}

void pane_advice(struct view *v, struct session *s)
{
    WINDOW *w = v->win[VP_ADVICE];
    werase(w);
    const struct tree *t = s->tree;
    struct value hv;
    struct advice preview;
    const struct advice *adv = &s->adv;
    bool previewing = highlighted_value(s, &hv);
    if (previewing) {
        struct engine e;
        preview_engine(s, &hv, &e);
        advice_compute(&preview, &e);
        engine_finish(&e);
        adv = &preview;
    }
    const char *title = previewing                                    ? "Advice if you choose this"
                        : s->eng.nhistory && engine_next(&s->eng) < 0 ? "Advice"
                                                                      : "Advice so far";
    text_frame(w, title, s->focus == TF_ADVICE);
    int width = getmaxx(w) - 2, h = getmaxy(w) - 2;
    struct lines d = {.width = width};
    if (previewing) {
        char *diff = what_changes(v, &s->adv, adv);
        char *line = xasprintf("%s", *diff ? diff : "The advice stays the same");
        lines_wrap(&d, line, R_NOTE, 0, 2);
        free(line);
        free(diff);
    }
    const struct setting *ps = tree_setting(t, "pattern");
    if (ps && adv->settings) {
        size_t pi = (size_t)(ps - t->settings);
        const struct choice *pat = &ps->values[adv->settings[pi].choice];
        char *line = xasprintf("%s (%s)", pat->label, pat->value);
        lines_wrap(&d, line, R_HEADING, 0, 2);
        free(line);
    }
    char *keys = key_settings(v, adv);
    lines_wrap(&d, keys, R_CHECKED, 0, 2);
    free(keys);
    if (adv->nrecs) {
        const struct recommendation **top = xcalloc(adv->nrecs, sizeof *top);
        memcpy(top, adv->recs, adv->nrecs * sizeof *top);
        qsort(top, adv->nrecs, sizeof *top, cmp_priority);
        char *head = xasprintf("%zu recommendations, most important first:", adv->nrecs);
        lines_wrap(&d, head, R_TITLE, 0, 0);
        free(head);
        for (size_t i = 0; i < adv->nrecs; i++) {
            char *line = xasprintf("%s %s", v->ascii ? "*" : "•", top[i]->title);
            lines_wrap(&d, line, R_NORMAL, 0, 2);
            free(line);
        }
        free(top);
    }
    for (size_t i = 0; adv->setting_text && i < t->nsettings; i++) {
        const struct setting *st = &t->settings[i];
        if (is_key_setting(st->id) || !adv->setting_shown[i])
            continue;
        char *line = xasprintf("%s: %s%s%s", st->title, adv->setting_text[i], st->unit ? " " : "",
                               st->unit ? st->unit : "");
        lines_wrap(&d, line, R_DIM, 0, 2);
        free(line);
    }
    s->advice_h = h;
    s->advice_n = (int)d.n;
    int max = (int)d.n - h;
    if (s->advice_top > (max > 0 ? max : 0))
        s->advice_top = max > 0 ? max : 0;
    lines_draw(w, &d, s->advice_top, h, width);
    if ((int)d.n > h) { /* what is hidden, and that Tab reaches it */
        char *more =
            xasprintf(" %d-%d of %d%s ", s->advice_top + 1,
                      s->advice_top + h < (int)d.n ? s->advice_top + h : (int)d.n, (int)d.n,
                      s->advice_top + h < (int)d.n ? (v->ascii ? " more v" : " more ↓") : "");
        int mw = text_width(more, strlen(more));
        wmove(w, getmaxy(w) - 1, getmaxx(w) - 1 - mw);
        text_put(w, more, strlen(more), mw, 0, colors_attr(R_TITLE));
        free(more);
    }
    lines_free(&d);
    if (previewing)
        advice_finish(&preview);
}

/* The first line at or after (dir > 0) / before (dir < 0) line `from` that contains term,
 * wrapping around, or -1. lines: the text split at newlines. */
int text_find_line(const char *text, const char *term, int from, int dir)
{
    int n = 0;
    const char **starts = NULL;
    size_t cap = 0;
    for (const char *p = text; p && *p;) {
        starts = xgrow(starts, &cap, (size_t)n + 1, sizeof *starts);
        starts[n++] = p;
        const char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : p + strlen(p);
    }
    int found = -1;
    size_t tl = strlen(term);
    for (int k = 0; k < n && found < 0; k++) {
        int i = ((from + dir * k) % n + n) % n;
        const char *e = strchr(starts[i], '\n');
        size_t len = e ? (size_t)(e - starts[i]) : strlen(starts[i]);
        for (size_t j = 0; j + tl <= len; j++)
            if (strncasecmp(starts[i] + j, term, tl) == 0) {
                found = i;
                break;
            }
    }
    free(starts);
    return found;
}

/* Draws the matches of term in a line again, reversed, at the given row. */
void text_mark_matches(WINDOW *w, int row, int x0, const char *p, size_t len, const char *term,
                       int left, int width)
{
    size_t tl = strlen(term);
    if (tl == 0)
        return;
    for (size_t j = 0; j + tl <= len; j++) {
        if (strncasecmp(p + j, term, tl) != 0)
            continue;
        int col = text_width(p, j) - left;
        int tw = text_width(p + j, tl);
        if (col >= 0 && col + tw <= width) {
            wmove(w, row, x0 + col);
            text_put(w, p + j, tl, tw, 0, A_REVERSE | A_BOLD);
        }
        j += tl - 1;
    }
}

void pane_code(struct view *v, struct session *s)
{
    WINDOW *w = v->win[VP_CODE];
    werase(w);
    const struct project_file *f = session_file(s);
    const char *code = f ? f->content : NULL;
    /* Live preview: the file as the highlighted choice would make it, its changed lines
     * marked against the file as it is. */
    struct project_files pv = {0};
    struct value hv;
    const char *against = NULL;
    if (f && highlighted_value(s, &hv)) {
        struct engine e;
        struct advice adv;
        struct la_error err = LA_ERROR_INIT;
        preview_engine(s, &hv, &e);
        advice_compute(&adv, &e);
        if (project_render(&e, &adv, NULL, &pv, &err))
            for (size_t i = 0; i < pv.n; i++)
                if (strcmp(pv.v[i].path, f->path) == 0 && strcmp(pv.v[i].content, code) != 0) {
                    against = code;
                    code = pv.v[i].content;
                }
        la_error_finish(&err);
        advice_finish(&adv);
        engine_finish(&e);
    }
    int total = 0;
    for (const char *p = code; p && *p; p++)
        total += *p == '\n' && p[1] != '\0';
    total += code != NULL;
    int gutter = total >= 1000 ? 5 : total >= 100 ? 4 : 3; /* line numbers and a space */
    int h = getmaxy(w) - 2, width = getmaxx(w) - 2 - gutter - 1;
    s->code_h = h;
    s->code_w = width;
    char *title =
        f ? (s->files.n > 1 ? xasprintf("%s (%zu/%zu)%s", f->path, (size_t)(f - s->files.v) + 1,
                                        s->files.n, against ? " if you choose this" : "")
                            : xstrdup(f->path))
          : xstrdup("src/main.rs");
    text_frame(w, title, s->focus == TF_CODE);
    free(title);
    if (code == NULL) {
        struct lines d = {.width = getmaxx(w) - 2};
        lines_wrap(&d, s->files_error ? s->files_error : "No code for these answers", R_DIM, 0, 0);
        lines_draw(w, &d, 0, h, getmaxx(w) - 2);
        lines_free(&d);
        return;
    }
    /* a search request from n/N or a new term: move to the match */
    if (s->search && s->search_dir && s->focus == TF_CODE) {
        int from = s->code_top + (s->search_dir > 0 ? 1 : -1);
        int at = text_find_line(code, s->search, from, s->search_dir);
        if (at < 0)
            session_say(s, true, "Not found: %s", s->search);
        else
            s->code_top = at;
        s->search_dir = 0;
    }
    session_clamp(s); /* the code may have become shorter than the offset */
    bool rust = strlen(f->path) > 3 && strcmp(f->path + strlen(f->path) - 3, ".rs") == 0;
    char *framed = against ? xasprintf("\n%s\n", against) : NULL;
    const char *prev = framed                                               ? framed
                       : s->prev_path && strcmp(s->prev_path, f->path) == 0 ? s->prev_code
                                                                            : NULL;
    int top = s->code_top; /* a shorter preview is shown from its end */
    if (top > total - h)
        top = total - h > 0 ? total - h : 0;
    struct hl_state st = HL_STATE_INIT;
    unsigned char *kinds = NULL;
    size_t kcap = 0;
    int line = 0, widest = 0;
    const char *p = code;
    attr_t dim = colors_attr(R_DIM);
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        kinds = xgrow(kinds, &kcap, len + 1, 1);
        if (rust)
            hl_line(&st, p, len, kinds);
        else
            memset(kinds, 0, len + 1);
        int lw = text_width(p, len);
        if (lw > widest)
            widest = lw;
        if (line >= top && line < top + h) {
            int row = 1 + line - top;
            char num[16];
            snprintf(num, sizeof num, "%*d ", gutter - 1, line + 1);
            /* a line the last answer changed (not in the file as it was): marked */
            bool changed = false;
            if (prev && len > 0) {
                char *needle = xasprintf("\n%.*s\n", (int)len, p);
                changed = strstr(prev, needle) == NULL;
                free(needle);
            }
            if (changed)
                num[gutter - 1] = '+';
            wmove(w, row, 1);
            text_put(w, num, strlen(num), gutter, 0,
                     changed ? colors_attr(R_CHECKED) | A_REVERSE : dim);
            wmove(w, row, 1 + gutter);
            text_put(w, s->code_left > 0 && lw > 0 ? (v->ascii ? "<" : "‹") : " ",
                     s->code_left > 0 && lw > 0 ? (v->ascii ? 1 : 3) : 1, 1, 0, dim);
            text_code_line(w, p, len, kinds, s->code_left, width);
            if (lw - s->code_left > width) { /* more to the right */
                wmove(w, row, getmaxx(w) - 2);
                text_put(w, v->ascii ? ">" : "›", v->ascii ? 1 : 3, 1, 0, dim | A_BOLD);
            }
            if (s->search)
                text_mark_matches(w, row, 1 + gutter + 1, p, len, s->search, s->code_left, width);
        }
        line++;
        p = nl ? nl + 1 : p + len;
    }
    free(kinds);
    free(framed);
    project_files_finish(&pv);
    (void)widest;
    char *pos = xasprintf(" %d-%d of %d%s ", top + 1, top + h < total ? top + h : total, total,
                          s->code_left ? (v->ascii ? " <>" : " ‹›") : "");
    int pw = text_width(pos, strlen(pos));
    wmove(w, getmaxy(w) - 1, getmaxx(w) - 1 - pw);
    text_put(w, pos, strlen(pos), pw, 0, colors_attr(R_TITLE));
    free(pos);
}
