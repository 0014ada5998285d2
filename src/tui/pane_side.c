/* The side panes: the advice so far, and the handler being generated. */
#include "hl.h"
#include "lambda_advisor/xalloc.h"
#include "panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void pane_advice(struct view *v, struct session *s)
{
    WINDOW *w = v->win[VP_ADVICE];
    werase(w);
    text_frame(w, s->eng.nhistory && engine_next(&s->eng) < 0 ? "Advice" : "Advice so far", false);
    const struct tree *t = s->tree;
    const struct advice *adv = &s->adv;
    int width = getmaxx(w) - 2, h = getmaxy(w) - 2;
    struct lines d = {.width = width};
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
        /* At least three; more when the pane has the rows (other settings take one each). */
        size_t others = 0;
        for (size_t i = 0; i < t->nsettings; i++)
            others += !is_key_setting(t->settings[i].id) && adv->setting_shown[i];
        int room = h - (int)d.n - 1 - (int)others;
        size_t shown = room > 3 ? (size_t)room : 3;
        if (shown > adv->nrecs)
            shown = adv->nrecs;
        char *head = xasprintf("Top %zu of %zu recommendations:", shown, adv->nrecs);
        lines_wrap(&d, head, R_TITLE, 0, 0);
        free(head);
        for (size_t i = 0; i < shown; i++) {
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
    lines_draw(w, &d, 0, h, width);
    lines_free(&d);
}

void pane_code(struct view *v, struct session *s)
{
    WINDOW *w = v->win[VP_CODE];
    werase(w);
    int h = getmaxy(w) - 2, width = getmaxx(w) - 2;
    s->code_h = h;
    const char *code = session_code(s);
    text_frame(w, "src/main.rs", s->focus == TF_CODE);
    if (code == NULL) {
        struct lines d = {.width = width};
        lines_wrap(&d, s->files_error ? s->files_error : "No code for these answers", R_DIM, 0, 0);
        lines_draw(w, &d, 0, h, width);
        lines_free(&d);
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
            text_code_line(w, p, len, kinds, s->code_left, width);
        }
        line++;
        total++;
        p = nl ? nl + 1 : p + len;
    }
    free(kinds);
    if (s->code_top + h < total) {
        wmove(w, getmaxy(w) - 1, getmaxx(w) - 14);
        char *more = xasprintf(" %d-%d of %d ", s->code_top + 1, s->code_top + h, total);
        text_put(w, more, strlen(more), 13, 0, colors_attr(R_TITLE));
        free(more);
    }
}
