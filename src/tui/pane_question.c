/* The question pane: one question (menu, checklist or number field), or the review. */
#include "lambda_advisor/xalloc.h"
#include "panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void pane_question(const struct view *v, struct session *s, struct lines *d, char **title,
                   int *cur_y, int *cur_x)
{
    const struct question *q = session_question(s);
    int pos, total;
    session_progress(s, &pos, &total);
    if (s->from_review)
        *title = xasprintf("Change an answer %s %s", v->ascii ? "-" : "·", q->id);
    else
        *title = xasprintf("Question %d of %d %s %s", pos, total, v->ascii ? "-" : "·", q->id);
    lines_wrap(d, q->prompt, R_HEADING, 0, 0);
    lines_blank(d);
    int want = 0, want_end = 0;
    if (q->kind == Q_NUMBER) {
        char *valid = question_valid_values(q);
        char *line = xasprintf("%s%s%s", valid, q->unit ? " " : "", q->unit ? q->unit : "");
        lines_wrap(d, line, R_DIM, 0, 0);
        free(line);
        free(valid);
        lines_blank(d);
        want = (int)d->n;
        char *field = xasprintf("%-10s", s->num);
        lines_push(d, field, strlen(field), R_FIELD, 2);
        *cur_y = (int)d->n - 1;
        *cur_x = 2 + (int)strlen(s->num);
        free(field);
        want_end = want;
    } else {
        s->choice_line = (int)d->n; /* one line per choice: a click finds its choice */
        for (size_t i = 0; i < q->nchoices; i++) {
            bool cur = i == s->cursor;
            bool ticked = q->kind == Q_MULTI && ((s->mask >> i) & 1);
            char *line = xasprintf("%s%s", choice_marker(v, q, cur, ticked), q->choices[i].label);
            if (cur)
                want = (int)d->n;
            lines_push(d, line, strlen(line), cur ? R_SELECTED : ticked ? R_CHECKED : R_CHOICE, 0);
            free(line);
        }
        want_end = want;
        const struct choice *c = &q->choices[s->cursor < q->nchoices ? s->cursor : 0];
        if (c->help) {
            lines_blank(d);
            lines_prose(d, c->help, R_NOTE, 2);
            want_end = (int)d->n - 1;
        }
    }
    if (q->help) {
        lines_blank(d);
        lines_prose(d, q->help, R_DIM, 0);
    }
    s->main_top = scroll_to(s->main_top, want, want_end, s->main_h, d->n);
}

void pane_review(const struct view *v, struct session *s, struct lines *d)
{
    lines_wrap(d, "Your answers. Choose one to change it, or see the advice.", R_HEADING, 0, 0);
    lines_blank(d);
    size_t row = 0;
    int want = 0, want_end = 0;
    char buf[512];
    free(s->row_line);
    s->row_line = xcalloc(s->tree->nquestions + 2, sizeof *s->row_line);
    for (size_t i = 0; i < s->tree->nquestions; i++) {
        if (!engine_is_asked(&s->eng, i))
            continue;
        const struct question *q = &s->tree->questions[i];
        bool cur = row == s->cursor;
        s->row_line[row] = (int)d->n;
        if (cur)
            want = row == 0 ? 0 : (int)d->n; /* the first row shows the heading too */
        char *line = xasprintf("%s%s", cur ? (v->ascii ? "> " : "› ") : "  ", q->prompt);
        lines_wrap(d, line, cur ? R_SELECTED : R_DIM, 0, 2);
        free(line);
        session_answer_text(q, engine_value(&s->eng, i), buf, sizeof buf);
        lines_wrap(d, buf, R_CHECKED, 4, 0);
        if (cur)
            want_end = (int)d->n - 1;
        row++;
    }
    lines_blank(d);
    bool cur = row == s->cursor;
    s->row_line[row] = (int)d->n; /* the blank line above belongs to no row */
    s->row_line[row + 1] = (int)d->n + 1;
    s->nrow_line = row + 2;
    if (cur)
        want = want_end = (int)d->n;
    const char *see = v->ascii ? "See the advice ->" : "See the advice →";
    char *line = xasprintf("%s%s", cur ? (v->ascii ? "> " : "› ") : "  ", see);
    lines_push(d, line, strlen(line), cur ? R_SELECTED : R_HEADING, 0);
    free(line);
    s->main_top = scroll_to(s->main_top, want, want_end, s->main_h, d->n);
}
