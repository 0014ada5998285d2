/* The guided session's model: what each action does to the screens and fields.
 * Never draws: every handler returns the tui_reaction bits of what it changed. */
#include "session.h"
#include "lambda_advisor/report.h"
#include "lambda_advisor/xalloc.h"
#include "prompt.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void session_say(struct session *s, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *m = NULL;
    if (vasprintf(&m, fmt, ap) < 0)
        m = NULL;
    va_end(ap);
    free(s->message);
    s->message = m;
    s->message_is_error = error;
}

void session_error(struct session *s, const struct la_error *err)
{
    char *m = la_error_format(err);
    session_say(s, true, "%s", m);
    free(m);
}

static void code_clamp(struct session *s);

/* Advice, project files and report follow the answers. */
static unsigned recompute(struct session *s)
{
    /* the code as it was, to mark the lines this answer changed */
    const struct project_file *shown = session_file(s);
    free(s->prev_code);
    s->prev_code = shown ? xasprintf("\n%s\n", shown->content) : NULL;
    free(s->prev_path);
    s->prev_path = shown ? xstrdup(shown->path) : NULL;
    advice_finish(&s->adv);
    advice_compute(&s->adv, &s->eng);
    project_files_finish(&s->files);
    free(s->files_error);
    s->files_error = NULL;
    struct la_error err = LA_ERROR_INIT;
    if (!project_render(&s->eng, &s->adv, NULL, &s->files, &err)) {
        s->files_error = la_error_format(&err);
        memset(&s->files, 0, sizeof s->files);
    }
    la_error_finish(&err);
    free(s->report);
    s->report = NULL;
    code_clamp(s);
    return TR_ALL;
}

/* Loads the cursor, ticks or number field of the current question from v (NULL: its answer or
 * default). */
static void load_fields(struct session *s, const struct value *v)
{
    const struct question *q = &s->tree->questions[s->qi];
    if (v == NULL || !v->set)
        v = engine_value(&s->eng, (size_t)s->qi);
    s->cursor = 0;
    s->mask = 0;
    s->num[0] = '\0';
    switch (q->kind) {
    case Q_CHOICE:
    case Q_YESNO:
        s->cursor = v->choice >= 0 && (size_t)v->choice < q->nchoices ? (size_t)v->choice : 0;
        break;
    case Q_MULTI:
        s->mask = v->mask;
        break;
    case Q_NUMBER:
        snprintf(s->num, sizeof s->num, "%ld", v->num);
        s->num_fresh = true;
        break;
    }
}

static void show_question(struct session *s, long qi, const struct value *v)
{
    s->screen = TS_QUESTION;
    s->qi = qi;
    s->main_top = 0;
    load_fields(s, v);
}

/* Rows of the review screen: the asked questions in tree order, then "see the advice". */
static size_t review_rows(const struct session *s, size_t *rows)
{
    size_t n = 0;
    for (size_t i = 0; i < s->tree->nquestions; i++)
        if (engine_is_asked(&s->eng, i))
            rows[n++] = i;
    return n;
}

static size_t review_count(const struct session *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->tree->nquestions; i++)
        n += engine_is_asked(&s->eng, i);
    return n;
}

/* The review, its cursor on the row of question qi (-1: on "See the advice"). */
static void show_review(struct session *s, long qi)
{
    s->screen = TS_REVIEW;
    s->from_review = false;
    s->main_top = 0;
    s->cursor = review_count(s);
    if (qi >= 0) {
        size_t row = 0;
        for (size_t i = 0; i < s->tree->nquestions && i < (size_t)qi; i++)
            row += engine_is_asked(&s->eng, i);
        if (engine_is_asked(&s->eng, (size_t)qi))
            s->cursor = row;
    }
}

/* The asked question after (dir > 0) or before (dir < 0) qi in tree order, or -1. */
static long asked_step(const struct session *s, long qi, int dir)
{
    for (long i = qi + dir; i >= 0 && i < (long)s->tree->nquestions; i += dir)
        if (engine_is_asked(&s->eng, (size_t)i))
            return i;
    return -1;
}

/* Where the session goes once question qi has its answer: an unanswered question that the
 * answer brought in, else the next question in order (answered ones are shown with their
 * answer, to walk forward again after going back), else the review. */
static void advance_from(struct session *s, long qi)
{
    long next = engine_next(&s->eng);
    if (s->from_review) {
        if (next >= 0) {
            show_question(s, next, NULL);
            return; /* still from the review: it comes back there when done */
        }
        show_review(s, s->edited);
        return;
    }
    long step = qi >= 0 ? asked_step(s, qi, +1) : -1;
    if (next >= 0 && (step < 0 || next < step))
        step = next;
    if (step >= 0)
        show_question(s, step, NULL);
    else if (next >= 0)
        show_question(s, next, NULL);
    else
        show_review(s, -1);
}

static void advance(struct session *s)
{
    advance_from(s, -1);
}

void session_start(struct session *s, const struct tree *t, const struct engine *given)
{
    memset(s, 0, sizeof *s);
    s->tree = t;
    s->edited = -1;
    engine_init(&s->eng, t);
    if (given) /* answers from a file: in tree order, the ones still asked are kept */
        for (size_t i = 0; i < t->nquestions; i++)
            if (given->answers[i].set && engine_is_asked(&s->eng, i))
                engine_answer(&s->eng, i, &given->answers[i], NULL);
    recompute(s);
    advance(s);
    if (s->screen == TS_REVIEW)
        s->cursor = review_count(s);
}

void session_adopt(struct session *s, const struct engine *given)
{
    engine_reset(&s->eng);
    for (size_t i = 0; i < s->tree->nquestions; i++)
        if (given->answers[i].set && engine_is_asked(&s->eng, i))
            engine_answer(&s->eng, i, &given->answers[i], NULL);
    s->dirty = s->eng.nhistory > 0;
    s->from_review = false;
    recompute(s);
    advance(s);
}

void session_init(struct session *s, const struct tree *t)
{
    session_start(s, t, NULL);
}

void session_finish(struct session *s)
{
    advice_finish(&s->adv);
    project_files_finish(&s->files);
    engine_finish(&s->eng);
    free(s->files_error);
    free(s->report);
    free(s->message);
    prompt_close(s);
    if (s->have_scan)
        scan_result_finish(&s->scan);
    free(s->scan_path);
    free(s->row_line);
    free(s->search);
    free(s->copy);
    free(s->prev_code);
    free(s->prev_path);
    if (s->resume) {
        engine_finish(s->resume);
        free(s->resume);
    }
    memset(s, 0, sizeof *s);
}

const struct question *session_question(const struct session *s)
{
    return s->screen == TS_QUESTION ? &s->tree->questions[s->qi] : NULL;
}

const char *session_code(const struct session *s)
{
    for (size_t i = 0; i < s->files.n; i++)
        if (strcmp(s->files.v[i].path, "src/main.rs") == 0)
            return s->files.v[i].content;
    return NULL;
}

bool session_markdown(const struct session *s, struct strbuf *out, struct la_error *err)
{
    /* The same steps as `advise`: every asked question answered (defaults for the rest),
     * the advice, the project files, the report. */
    struct engine e;
    engine_init(&e, s->tree);
    for (size_t h = 0; h < s->eng.nhistory; h++) {
        size_t qi = s->eng.history[h];
        engine_answer(&e, qi, &s->eng.answers[qi], NULL);
    }
    engine_fill_defaults(&e);
    struct advice adv;
    advice_compute(&adv, &e);
    struct project_files files = {0};
    bool ok =
        project_render(&e, &adv, NULL, &files, err) && report_markdown(&e, &adv, &files, out, err);
    project_files_finish(&files);
    advice_finish(&adv);
    engine_finish(&e);
    return ok;
}

/* The advice as a document for the final screen: what `e` exports. */
static void make_report(struct session *s)
{
    struct strbuf md = STRBUF_INIT;
    struct la_error err = LA_ERROR_INIT;
    free(s->report);
    if (!session_markdown(s, &md, &err)) {
        /* Without the code (the templates failed), the advice is still worth showing. */
        char *m = la_error_format(&err);
        sb_reset(&md);
        la_error_finish(&err);
        if (!report_markdown(&s->eng, &s->adv, NULL, &md, &err)) {
            sb_reset(&md);
            free(m);
            m = la_error_format(&err);
        }
        sb_addf(&md, "\nThe code could not be written: %s\n", m);
        free(m);
    }
    s->report = sb_detach(&md);
    la_error_finish(&err);
}

/* ---- the screens ---- */

/* Back one screen. Never changes an answer: the previous question shows its answer under
 * the cursor, and only Enter there changes it. */
static unsigned go_back(struct session *s)
{
    if (s->screen == TS_SCAN) {
        s->screen = s->before_scan;
        s->main_top = 0;
        return TR_ALL;
    }
    if (s->screen == TS_FINAL) {
        show_review(s, -1);
        return TR_ALL;
    }
    if (s->screen == TS_QUESTION && s->from_review) {
        long next = engine_next(&s->eng);
        if (next < 0) {
            show_review(s, s->edited);
            return TR_ALL;
        }
        /* the edit brought in a question without an answer: the review waits for it */
        if (next == s->qi) {
            session_say(s, true,
                        "This question is new with your change: answer it for the "
                        "review");
            return TR_BARS;
        }
    }
    if (s->screen == TS_REVIEW) {
        long last = asked_step(s, (long)s->tree->nquestions, -1);
        if (last >= 0)
            show_question(s, last, NULL);
        return TR_ALL;
    }
    long prev = asked_step(s, s->qi, -1);
    if (prev < 0) {
        session_say(s, false, "This is the first question");
        return TR_BARS;
    }
    show_question(s, prev, NULL);
    return TR_ALL;
}

/* Forward without changing anything, from a question that has its answer. */
static unsigned go_forward(struct session *s)
{
    if (!s->eng.answers[s->qi].set)
        return TR_NONE;
    advance_from(s, s->qi);
    return TR_ALL;
}

static unsigned answer(struct session *s, const struct value *v)
{
    struct la_error err = LA_ERROR_INIT;
    long qi = s->qi;
    const struct value *old = &s->eng.answers[qi];
    bool same = old->set && old->choice == v->choice && old->mask == v->mask && old->num == v->num;
    if (!engine_answer(&s->eng, (size_t)qi, v, &err)) {
        session_error(s, &err);
        la_error_finish(&err);
        return TR_BARS | TR_MAIN;
    }
    if (!same) {
        s->dirty = true;
        recompute(s);
    }
    advance_from(s, qi);
    return TR_ALL;
}

/* The valid values and unit of a number question, for messages. The caller frees. */
static char *number_range(const struct question *q)
{
    char *valid = question_valid_values(q);
    char *r = xasprintf("%s%s%s", valid, q->unit ? " " : "", q->unit ? q->unit : "");
    free(valid);
    return r;
}

static unsigned number_act(struct session *s, const struct question *q, enum tui_action a,
                           wchar_t ch)
{
    size_t len = strlen(s->num);
    switch (a) {
    case TA_CHAR: {
        if (ch < L'0' || ch > L'9') {
            char *range = number_range(q);
            session_say(s, true, "Digits only: %s", range);
            free(range);
            return TR_BARS;
        }
        if (s->num_fresh)
            s->num[len = 0] = '\0';
        s->num_fresh = false;
        if (len >= 9) {
            char *range = number_range(q);
            session_say(s, true, "At most 9 digits: %s", range);
            free(range);
            return TR_BARS;
        }
        s->num[len] = (char)ch;
        s->num[len + 1] = '\0';
        return TR_MAIN;
    }
    case TA_BACK:
        if (len == 0)
            return go_back(s);
        s->num_fresh = false;
        s->num[len - 1] = '\0';
        return TR_MAIN;
    case TA_KILL_START:
        s->num[0] = '\0';
        s->num_fresh = false;
        return TR_MAIN;
    case TA_CHOOSE: {
        struct value v = {0};
        struct la_error err = LA_ERROR_INIT;
        if (!question_parse_value(q, s->num, &v, &err)) {
            char *range = number_range(q);
            if (len == 0)
                session_say(s, true, "Type %s", range);
            else
                session_say(s, true, "%s is not valid here: type %s", s->num, range);
            free(range);
            la_error_finish(&err);
            s->num_fresh = true; /* the next digit starts a new number */
            return TR_BARS | TR_MAIN;
        }
        return answer(s, &v);
    }
    default:
        return TR_NONE;
    }
}

/* The choice of a multi-choice question that means "none of these", or -1. */
static int none_choice(const struct question *q)
{
    for (size_t i = 0; i < q->nchoices; i++)
        if (strcmp(q->choices[i].value, "none") == 0)
            return (int)i;
    return -1;
}

/* Space on a multi-choice: "None" and the other choices exclude each other. */
static void toggle(struct session *s, const struct question *q)
{
    uint64_t bit = (uint64_t)1 << s->cursor;
    s->mask ^= bit;
    int none = none_choice(q);
    if (none >= 0 && (s->mask & bit)) {
        uint64_t nb = (uint64_t)1 << none;
        s->mask = bit == nb ? nb : s->mask & ~nb;
    }
}

static unsigned question_act(struct session *s, enum tui_action a, wchar_t ch)
{
    const struct question *q = &s->tree->questions[s->qi];
    if (q->kind == Q_NUMBER &&
        (a == TA_CHAR || a == TA_BACK || a == TA_CHOOSE || a == TA_KILL_START))
        return number_act(s, q, a, ch);
    size_t n = q->nchoices;
    switch (a) {
    case TA_UP:
        if (n && s->cursor > 0)
            s->cursor--;
        return TR_PREVIEW;
    case TA_DOWN:
        if (n && s->cursor + 1 < n)
            s->cursor++;
        return TR_PREVIEW;
    case TA_HOME:
    case TA_PAGE_UP:
        s->cursor = 0;
        return TR_PREVIEW;
    case TA_END:
    case TA_PAGE_DOWN:
        s->cursor = n ? n - 1 : 0;
        return TR_PREVIEW;
    case TA_TOGGLE:
        if (q->kind == Q_MULTI) {
            toggle(s, q);
            return TR_PREVIEW;
        }
        if (q->kind != Q_NUMBER)
            session_say(s, false, "Enter chooses the highlighted answer");
        return TR_BARS;
    case TA_CHOOSE: {
        if (q->kind == Q_NUMBER)
            return TR_NONE;
        struct value v = {.set = true};
        if (q->kind == Q_MULTI) {
            v.mask = s->mask;
            if (v.mask == 0) {
                int none = none_choice(q);
                if (none >= 0)
                    session_say(s, true, "Tick at least one (Space), or \"%s\"",
                                q->choices[none].label);
                else
                    session_say(s, true, "Tick at least one (Space)");
                return TR_BARS;
            }
        } else {
            v.choice = (int)s->cursor;
        }
        return answer(s, &v);
    }
    case TA_BACK:
    case TA_LEFT:
    case TA_CANCEL:
        return go_back(s);
    case TA_RIGHT:
        return go_forward(s);
    default:
        return TR_NONE;
    }
}

static unsigned review_act(struct session *s, enum tui_action a)
{
    size_t *rows = xcalloc(s->tree->nquestions + 1, sizeof *rows);
    size_t n = review_rows(s, rows) + 1; /* + "see the advice" */
    unsigned r = TR_NONE;
    switch (a) {
    case TA_UP:
        if (s->cursor > 0)
            s->cursor--;
        r = TR_MAIN;
        break;
    case TA_DOWN:
        if (s->cursor + 1 < n)
            s->cursor++;
        r = TR_MAIN;
        break;
    case TA_HOME:
    case TA_PAGE_UP:
        s->cursor = 0;
        r = TR_MAIN;
        break;
    case TA_END:
    case TA_PAGE_DOWN:
        s->cursor = n - 1;
        r = TR_MAIN;
        break;
    case TA_CHOOSE:
    case TA_RIGHT:
        if (s->cursor + 1 >= n) {
            s->screen = TS_FINAL;
            s->main_top = 0;
            make_report(s);
        } else {
            s->edited = (long)rows[s->cursor];
            show_question(s, s->edited, NULL);
            s->from_review = true;
        }
        r = TR_ALL;
        break;
    case TA_TOGGLE:
        session_say(s, false, "Enter opens the highlighted line");
        r = TR_BARS;
        break;
    case TA_BACK:
    case TA_LEFT:
    case TA_CANCEL:
        r = go_back(s);
        break;
    default:
        break;
    }
    free(rows);
    return r;
}

unsigned session_scroll(int *top, enum tui_action a, int page)
{
    int before = *top;
    switch (a) {
    case TA_UP:
        (*top)--;
        break;
    case TA_DOWN:
        (*top)++;
        break;
    case TA_PAGE_UP:
        *top -= page > 1 ? page - 1 : 1;
        break;
    case TA_PAGE_DOWN:
        *top += page > 1 ? page - 1 : 1;
        break;
    case TA_HOME:
        *top = 0;
        break;
    case TA_END:
        *top = INT_MAX / 2;
        break;
    default:
        return TR_NONE;
    }
    if (*top < 0)
        *top = 0;
    return *top != before || a == TA_END;
}

static int count_lines(const char *text)
{
    int n = 0;
    for (const char *p = text; p && *p; p++)
        n += *p == '\n' && p[1] != '\0';
    return n + 1;
}

/* The widest line of text, in display columns (tabs as one). */
static int widest_line(const char *text)
{
    int max = 0;
    for (const char *p = text; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        int w = 0;
        for (size_t i = 0; i < len; i++)
            w += ((unsigned char)p[i] & 0xC0) != 0x80;
        if (w > max)
            max = w;
        p = nl ? nl + 1 : p + len;
    }
    return max;
}

const struct project_file *session_file(const struct session *s)
{
    if (s->files.n == 0)
        return NULL;
    return &s->files.v[s->code_file < s->files.n ? s->code_file : 0];
}

/* Keeps the code pane's offsets inside the text: never below its last line, never right of
 * its longest line. */
static void code_clamp(struct session *s)
{
    const struct project_file *f = session_file(s);
    const char *code = f ? f->content : NULL;
    int max = count_lines(code) - s->code_h;
    if (s->code_top > (max > 0 ? max : 0))
        s->code_top = max > 0 ? max : 0;
    int wmax = widest_line(code) - s->code_w;
    if (s->code_left > (wmax > 0 ? wmax : 0))
        s->code_left = wmax > 0 ? wmax : 0;
    if (s->code_left < 0)
        s->code_left = 0;
}

void session_clamp(struct session *s)
{
    code_clamp(s);
}

static unsigned code_act(struct session *s, enum tui_action a)
{
    switch (a) {
    case TA_LEFT:
        s->code_left = s->code_left >= 8 ? s->code_left - 8 : 0;
        code_clamp(s);
        return TR_CODE;
    case TA_RIGHT:
        s->code_left += 8;
        code_clamp(s);
        return TR_CODE;
    case TA_CANCEL:
        if (s->code_full) {
            s->code_full = false;
            return TR_ALL;
        }
        s->focus = TF_MAIN;
        return TR_ALL;
    case TA_FULL:
        s->code_full = !s->code_full;
        return TR_ALL;
    case TA_NEXT_SECTION:
    case TA_PREV_SECTION:
        if (s->files.n) {
            size_t n = s->files.n;
            s->code_file = (s->code_file + (a == TA_NEXT_SECTION ? 1 : n - 1)) % n;
            s->code_top = s->code_left = 0;
        }
        return TR_CODE | TR_BARS;
    default:
        if (session_scroll(&s->code_top, a, s->code_h)) {
            code_clamp(s);
            return TR_CODE;
        }
        return TR_NONE;
    }
}

static unsigned advice_act(struct session *s, enum tui_action a)
{
    if (a == TA_CANCEL) {
        s->focus = TF_MAIN;
        return TR_ALL;
    }
    if (session_scroll(&s->advice_top, a, s->advice_h)) {
        int max = s->advice_n - s->advice_h;
        if (s->advice_top > (max > 0 ? max : 0))
            s->advice_top = max > 0 ? max : 0;
        return TR_ADVICE;
    }
    return TR_NONE;
}

/* Tab: question, advice, code and round again (the advice and code only beside a question
 * or the review). */
static unsigned cycle_focus(struct session *s, int dir)
{
    if (s->screen != TS_QUESTION && s->screen != TS_REVIEW) {
        s->focus = TF_MAIN;
        return TR_NONE;
    }
    int f = ((int)s->focus + dir + 3) % 3;
    if (f == TF_CODE && session_file(s) == NULL)
        f = (f + dir + 3) % 3;
    s->focus = (enum tui_focus)f;
    if (s->focus != TF_CODE)
        s->code_full = false;
    return TR_ALL;
}

static void add_arg(struct strbuf *sb, const char *arg)
{
    bool plain = *arg != '\0';
    for (const char *p = arg; *p; p++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_=,.-/", *p))
            plain = false;
    if (plain) {
        sb_adds(sb, arg);
        return;
    }
    sb_addc(sb, '\'');
    for (const char *p = arg; *p; p++) {
        if (*p == '\'')
            sb_adds(sb, "'\\''");
        else
            sb_addc(sb, *p);
    }
    sb_addc(sb, '\'');
}

char *session_command(const struct session *s)
{
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, "lambda-advisor advise");
    bool missing = false;
    for (size_t i = 0; i < s->tree->nquestions; i++) {
        if (!engine_is_asked(&s->eng, i))
            continue;
        if (!s->eng.answers[i].set) {
            missing = true;
            continue;
        }
        char *v = question_format_value(&s->tree->questions[i], &s->eng.answers[i]);
        char *kv = xasprintf("%s=%s", s->tree->questions[i].id, v);
        sb_adds(&sb, " --answer ");
        add_arg(&sb, kv);
        free(kv);
        free(v);
    }
    if (missing)
        sb_adds(&sb, " --defaults");
    return sb_detach(&sb);
}

void session_progress(const struct session *s, int *pos, int *total)
{
    struct engine e;
    engine_init(&e, s->tree);
    for (size_t i = 0; i < s->tree->nquestions; i++)
        if (s->eng.answers[i].set && engine_is_asked(&e, i))
            engine_answer(&e, i, &s->eng.answers[i], NULL);
    /* the question on screen counts with the choice under the cursor */
    engine_fill_defaults(&e);
    *pos = 0;
    *total = 0;
    for (size_t i = 0; i < s->tree->nquestions; i++)
        if (engine_is_asked(&e, i)) {
            (*total)++;
            if (s->screen == TS_QUESTION && (long)i <= s->qi)
                (*pos)++;
        }
    if (*pos == 0)
        *pos = 1;
    engine_finish(&e);
}

/* A click on the review: the row under it, then as on a question's choice. */
static unsigned review_click(struct session *s, int line)
{
    for (size_t r = 0; r + 1 < s->nrow_line; r++) {
        bool last = r + 2 == s->nrow_line; /* "See the advice" */
        int end = last ? s->row_line[r + 1] : s->row_line[r + 1] - (r + 3 == s->nrow_line);
        if (line < s->row_line[r] || line >= end)
            continue;
        s->focus = TF_MAIN;
        if (s->cursor == r)
            return review_act(s, TA_CHOOSE);
        s->cursor = r;
        return TR_MAIN | TR_BARS;
    }
    return TR_NONE;
}

unsigned session_click(struct session *s, int line)
{
    if (s->screen == TS_REVIEW && s->prompt.kind == PK_NONE)
        return review_click(s, line);
    const struct question *q = session_question(s);
    if (s->prompt.kind != PK_NONE || q == NULL || q->kind == Q_NUMBER)
        return TR_NONE;
    int c = line - s->choice_line;
    if (c < 0 || (size_t)c >= q->nchoices)
        return TR_NONE;
    s->focus = TF_MAIN;
    if (q->kind == Q_MULTI) {
        s->cursor = (size_t)c;
        toggle(s, q);
        return TR_ALL;
    }
    if (s->cursor == (size_t)c) /* a click on the highlighted choice chooses it */
        return question_act(s, TA_CHOOSE, 0);
    s->cursor = (size_t)c;
    return TR_PREVIEW | TR_BARS;
}

void session_answer_text(const struct question *q, const struct value *val, char *buf, size_t size)
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

unsigned session_wheel(struct session *s, enum tui_focus pane, int dir)
{
    if (s->prompt.kind != PK_NONE)
        return TR_NONE;
    enum tui_action a = dir < 0 ? TA_UP : TA_DOWN;
    unsigned r = TR_NONE;
    for (int i = 0; i < 3; i++) {
        if (pane == TF_CODE)
            r |= code_act(s, a);
        else if (pane == TF_ADVICE)
            r |= advice_act(s, a);
        else if (s->screen == TS_QUESTION)
            r |= (i == 0) ? question_act(s, a, 0) : TR_NONE;
        else if (s->screen == TS_REVIEW)
            r |= (i == 0) ? review_act(s, a) : TR_NONE;
        else
            r |= session_scroll(&s->main_top, a, s->main_h) ? TR_MAIN : TR_NONE;
    }
    return r;
}

/* The document screen's keys: scroll, search, sections. */
static unsigned final_act(struct session *s, enum tui_action a)
{
    switch (a) {
    case TA_BACK:
    case TA_LEFT:
        return go_back(s);
    case TA_CANCEL:
        if (s->search) {
            free(s->search);
            s->search = NULL;
            return TR_MAIN | TR_BARS;
        }
        return go_back(s);
    case TA_NEXT_SECTION:
    case TA_PREV_SECTION:
        s->section_dir = a == TA_NEXT_SECTION ? 1 : -1;
        return TR_MAIN;
    default:
        return session_scroll(&s->main_top, a, s->main_h) ? TR_MAIN : TR_NONE;
    }
}

unsigned session_act(struct session *s, enum tui_action a, wchar_t ch)
{
    unsigned r = TR_NONE;
    if (s->message && a != TA_RESIZE && a != TA_NONE) {
        free(s->message);
        s->message = NULL;
        r |= TR_BARS;
    }
    if (s->prompt.kind != PK_NONE)
        return r | prompt_act(s, a, ch);

    /* n and N find the next and previous match while a search is on. */
    bool searching = s->search && (s->screen == TS_FINAL || s->focus == TF_CODE);
    if (searching && (a == TA_NEW || (a == TA_CHAR && ch == L'N'))) {
        s->search_dir = a == TA_NEW ? 1 : -1;
        return r | (s->focus == TF_CODE ? TR_CODE : TR_MAIN) | TR_BARS;
    }

    /* Keys that mean the same everywhere. */
    switch (a) {
    case TA_NONE:
        return r;
    case TA_RESIZE:
        return r | TR_ALL;
    case TA_INTERRUPT:
        return r | TR_QUIT;
    case TA_REDRAW:
        s->redraw = true;
        return r | TR_ALL;
    case TA_SUSPEND:
        s->suspend = true;
        return r | TR_ALL;
    case TA_QUIT:
        return r | (s->dirty ? prompt_quit(s) : TR_QUIT);
    case TA_HELP:
        return r | prompt_help(s);
    case TA_EXPORT:
        return r | prompt_export(s);
    case TA_NEW:
        return r | prompt_new(s);
    case TA_SCAN:
        return r | prompt_scan(s);
    case TA_COPY_CMD:
        free(s->copy);
        s->copy = session_command(s);
        session_say(s, false, "Copied the advise command to the clipboard");
        return r | TR_BARS;
    case TA_COPY: {
        struct strbuf md = STRBUF_INIT;
        struct la_error err = LA_ERROR_INIT;
        free(s->copy);
        s->copy = NULL;
        const struct project_file *f = session_file(s);
        if (s->focus == TF_CODE && f) {
            s->copy = xstrdup(f->content);
            session_say(s, false, "Copied %s to the clipboard", f->path);
        } else if (session_markdown(s, &md, &err)) {
            s->copy = sb_detach(&md);
            session_say(s, false, "Copied the advice (Markdown) to the clipboard");
        } else {
            session_error(s, &err);
        }
        sb_finish(&md);
        la_error_finish(&err);
        return r | TR_BARS;
    }
    case TA_SEARCH:
        if (s->screen == TS_FINAL || s->focus == TF_CODE)
            return r | prompt_search(s);
        break;
    case TA_FOCUS:
    case TA_FOCUS_BACK:
        if (s->screen == TS_QUESTION || s->screen == TS_REVIEW)
            return r | cycle_focus(s, a == TA_FOCUS ? 1 : -1);
        break;
    case TA_FULL:
        if ((s->screen == TS_QUESTION || s->screen == TS_REVIEW) && session_file(s)) {
            s->focus = TF_CODE;
            s->code_full = !s->code_full;
            return r | TR_ALL;
        }
        break;
    case TA_REVIEW:
        if (s->screen == TS_REVIEW)
            break;
        if (engine_next(&s->eng) < 0) {
            show_review(s, -1);
            s->focus = TF_MAIN;
            return r | TR_ALL;
        }
        {
            size_t left = 0;
            for (size_t i = 0; i < s->tree->nquestions; i++)
                left += engine_is_asked(&s->eng, i) && !s->eng.answers[i].set;
            session_say(s, false,
                        "The review opens once every question has an answer (%zu to go); "
                        "e exports now, with defaults for the rest",
                        left);
        }
        return r | TR_BARS;
    default:
        break;
    }
    if (s->focus == TF_CODE)
        return r | code_act(s, a);
    if (s->focus == TF_ADVICE)
        return r | advice_act(s, a);

    switch (s->screen) {
    case TS_QUESTION:
        return r | question_act(s, a, ch);
    case TS_REVIEW:
        return r | review_act(s, a);
    case TS_FINAL:
        return r | final_act(s, a);
    case TS_SCAN:
        if (a == TA_BACK || a == TA_LEFT || a == TA_CANCEL)
            return r | go_back(s);
        return r | (session_scroll(&s->main_top, a, s->main_h) ? TR_MAIN : TR_NONE);
    }
    return r;
}

/* The keys of each screen: the status line shows them and the help lists them, from this
 * one table. */
const char *session_keys_hint(const struct session *s)
{
    switch (s->prompt.kind) {
    case PK_TEXT:
        if (s->prompt.op == PO_SEARCH)
            return "Enter search  ←→ Home End move  Ctrl-U clear  Esc cancel";
        return "Enter accept  Tab complete  ←→ Home End move  Ctrl-U clear  Esc cancel";
    case PK_CONFIRM:
        return "y yes  n no";
    case PK_HELP:
        return "↑↓ PgUp PgDn scroll  any other key closes the help";
    case PK_NONE:
        break;
    }
    if (s->focus == TF_CODE)
        return s->search ? "↑↓←→ scroll  [ ] file  f full  / search  n N next  y copy  Tab pane  "
                           "Esc back"
                         : "↑↓←→ scroll  [ ] file  f full screen  / search  y copy  Tab pane  "
                           "Esc back";
    if (s->focus == TF_ADVICE)
        return "↑↓ PgUp PgDn scroll the advice  Tab next pane  Esc back  ? help  q quit";
    const struct question *q = session_question(s);
    switch (s->screen) {
    case TS_QUESTION:
        if (q->kind == Q_NUMBER)
            return "0-9 type  Enter accept  Backspace erase  ← back  Tab panes  ? help  "
                   "e export  q quit";
        if (q->kind == Q_MULTI)
            return "↑↓ move  Space tick  Enter done  ← back  Tab panes  ? help  e export  q quit";
        return "↑↓ move  Enter choose  ← back  Tab panes  ? help  e export  q quit";
    case TS_REVIEW:
        return "↑↓ move  Enter change/advice  ← back  Tab panes  e export  n new  s scan  "
               "? help  q quit";
    case TS_FINAL:
        return s->search ? "↑↓ scroll  / search  n N next/prev  [ ] section  ← review  y copy  "
                           "e export  q quit"
                         : "↑↓ scroll  / search  [ ] section  ← review  y copy  e export  "
                           "n new  s scan  ? help  q quit";
    case TS_SCAN:
        return "↑↓ PgUp PgDn scroll  ← back  s scan again  ? help  q quit";
    }
    return "";
}
