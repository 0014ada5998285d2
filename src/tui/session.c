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

/* Advice, project files and report follow the answers. */
static unsigned recompute(struct session *s)
{
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

/* Where the session goes once an answer is in: the next question, or the review. */
static void advance(struct session *s)
{
    long next = engine_next(&s->eng);
    s->from_review = false;
    if (next >= 0) {
        show_question(s, next, NULL);
    } else {
        s->screen = TS_REVIEW;
        s->cursor = 0;
        s->main_top = 0;
    }
}

void session_init(struct session *s, const struct tree *t)
{
    memset(s, 0, sizeof *s);
    s->tree = t;
    engine_init(&s->eng, t);
    recompute(s);
    advance(s);
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

/* Rows of the review screen: the asked questions in tree order, then "see the advice". */
static size_t review_rows(const struct session *s, size_t *rows)
{
    size_t n = 0;
    for (size_t i = 0; i < s->tree->nquestions; i++)
        if (engine_is_asked(&s->eng, i))
            rows[n++] = i;
    return n;
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

static unsigned go_back(struct session *s)
{
    if (s->screen == TS_SCAN) {
        s->screen = s->before_scan;
        s->main_top = 0;
        return TR_ALL;
    }
    if (s->screen == TS_FINAL) {
        s->screen = TS_REVIEW;
        s->main_top = 0;
        return TR_ALL;
    }
    if (s->screen == TS_QUESTION && s->from_review) {
        s->from_review = false;
        s->screen = TS_REVIEW;
        return TR_ALL;
    }
    if (s->eng.nhistory == 0) {
        session_say(s, false, "This is the first question");
        return TR_BARS;
    }
    size_t last = s->eng.history[s->eng.nhistory - 1];
    struct value saved = s->eng.answers[last];
    engine_back(&s->eng);
    recompute(s);
    long next = engine_next(&s->eng);
    show_question(s, next, next == (long)last ? &saved : NULL);
    return TR_ALL;
}

static unsigned answer(struct session *s, const struct value *v)
{
    struct la_error err = LA_ERROR_INIT;
    if (!engine_answer(&s->eng, (size_t)s->qi, v, &err)) {
        session_error(s, &err);
        la_error_finish(&err);
        return TR_BARS | TR_MAIN;
    }
    s->dirty = true;
    recompute(s);
    advance(s);
    return TR_ALL;
}

static unsigned number_act(struct session *s, const struct question *q, enum tui_action a,
                           wchar_t ch)
{
    size_t len = strlen(s->num);
    switch (a) {
    case TA_CHAR:
        if (ch < L'0' || ch > L'9') {
            char *valid = question_valid_values(q);
            session_say(s, true, "Digits only: %s%s%s", valid, q->unit ? " " : "",
                        q->unit ? q->unit : "");
            free(valid);
            return TR_BARS;
        }
        if (s->num_fresh)
            s->num[len = 0] = '\0';
        s->num_fresh = false;
        if (len < 9) {
            s->num[len] = (char)ch;
            s->num[len + 1] = '\0';
        }
        return TR_MAIN;
    case TA_BACK:
        if (len == 0)
            return go_back(s);
        s->num_fresh = false;
        s->num[len - 1] = '\0';
        return TR_MAIN;
    case TA_CHOOSE: {
        struct value v = {0};
        struct la_error err = LA_ERROR_INIT;
        if (!question_parse_value(q, s->num, &v, &err)) {
            char *valid = question_valid_values(q);
            if (len == 0)
                session_say(s, true, "Type %s%s%s", valid, q->unit ? " " : "",
                            q->unit ? q->unit : "");
            else
                session_say(s, true, "%s is not valid here: type %s%s%s", s->num, valid,
                            q->unit ? " " : "", q->unit ? q->unit : "");
            free(valid);
            la_error_finish(&err);
            return TR_BARS | TR_MAIN;
        }
        return answer(s, &v);
    }
    default:
        return TR_NONE;
    }
}

static unsigned question_act(struct session *s, enum tui_action a, wchar_t ch)
{
    const struct question *q = &s->tree->questions[s->qi];
    if (q->kind == Q_NUMBER && (a == TA_CHAR || a == TA_BACK || a == TA_CHOOSE))
        return number_act(s, q, a, ch);
    size_t n = q->nchoices;
    switch (a) {
    case TA_UP:
        if (n && s->cursor > 0)
            s->cursor--;
        return TR_MAIN;
    case TA_DOWN:
        if (n && s->cursor + 1 < n)
            s->cursor++;
        return TR_MAIN;
    case TA_HOME:
    case TA_PAGE_UP:
        s->cursor = 0;
        return TR_MAIN;
    case TA_END:
    case TA_PAGE_DOWN:
        s->cursor = n ? n - 1 : 0;
        return TR_MAIN;
    case TA_TOGGLE:
        if (q->kind == Q_MULTI) {
            s->mask ^= (uint64_t)1 << s->cursor;
            return TR_MAIN;
        }
        __attribute__((fallthrough)); /* Space chooses in a menu */
    case TA_CHOOSE: {
        if (q->kind == Q_NUMBER)
            return TR_NONE;
        struct value v = {.set = true};
        if (q->kind == Q_MULTI)
            v.mask = s->mask;
        else
            v.choice = (int)s->cursor;
        return answer(s, &v);
    }
    case TA_BACK:
    case TA_LEFT:
        return go_back(s);
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
    case TA_TOGGLE:
        if (s->cursor + 1 == n) {
            s->screen = TS_FINAL;
            s->main_top = 0;
            make_report(s);
        } else {
            show_question(s, (long)rows[s->cursor], NULL);
            s->from_review = true;
        }
        r = TR_ALL;
        break;
    case TA_BACK:
    case TA_LEFT:
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
        n += *p == '\n';
    return n + 1;
}

static unsigned code_act(struct session *s, enum tui_action a)
{
    switch (a) {
    case TA_LEFT:
        s->code_left = s->code_left >= 8 ? s->code_left - 8 : 0;
        return TR_CODE;
    case TA_RIGHT:
        if (s->code_left < 400)
            s->code_left += 8;
        return TR_CODE;
    case TA_CANCEL:
    case TA_FOCUS:
        s->focus = TF_MAIN;
        return TR_ALL;
    default:
        if (session_scroll(&s->code_top, a, s->code_h)) {
            int max = count_lines(session_code(s)) - s->code_h;
            if (s->code_top > (max > 0 ? max : 0))
                s->code_top = max > 0 ? max : 0;
            return TR_CODE;
        }
        return TR_NONE;
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

    /* Keys that mean the same everywhere. */
    switch (a) {
    case TA_NONE:
        return r;
    case TA_RESIZE:
        return r | TR_ALL;
    case TA_INTERRUPT:
        return r | TR_QUIT;
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
    case TA_FOCUS:
        if (s->focus == TF_MAIN && session_code(s) &&
            (s->screen == TS_QUESTION || s->screen == TS_REVIEW)) {
            s->focus = TF_CODE;
            return r | TR_ALL;
        }
        break;
    case TA_REVIEW:
        if (s->screen != TS_REVIEW && engine_next(&s->eng) < 0) {
            s->screen = TS_REVIEW;
            s->cursor = 0;
            s->from_review = false;
            return r | TR_ALL;
        }
        break;
    default:
        break;
    }
    if (s->focus == TF_CODE)
        return r | code_act(s, a);

    switch (s->screen) {
    case TS_QUESTION:
        return r | question_act(s, a, ch);
    case TS_REVIEW:
        return r | review_act(s, a);
    case TS_FINAL:
    case TS_SCAN:
        if (a == TA_BACK || a == TA_LEFT || a == TA_CANCEL)
            return r | go_back(s);
        return r | (session_scroll(&s->main_top, a, s->main_h) ? TR_MAIN : TR_NONE);
    }
    return r;
}

const char *session_keys_hint(const struct session *s)
{
    switch (s->prompt.kind) {
    case PK_TEXT:
        return "Enter accept  Backspace erase  Esc cancel";
    case PK_CONFIRM:
        return "y yes  n no";
    case PK_HELP:
        return "↑↓ PgUp PgDn scroll  any other key closes the help";
    case PK_NONE:
        break;
    }
    if (s->focus == TF_CODE)
        return "↑↓ PgUp PgDn ←→ scroll the code  Tab back to the question  ? help  q quit";
    const struct question *q = session_question(s);
    switch (s->screen) {
    case TS_QUESTION:
        if (q->kind == Q_NUMBER)
            return "0-9 type  Enter accept  Backspace erase  ← back  ? help  e export  q quit";
        if (q->kind == Q_MULTI)
            return "↑↓ move  Space tick  Enter done  ← back  Tab code  ? help  e export  q quit";
        return "↑↓ move  Enter choose  ← back  Tab code  ? help  e export  q quit";
    case TS_REVIEW:
        return "↑↓ move  Enter change/advice  ← back  e export  n new  s scan  ? help  q quit";
    case TS_FINAL:
        return "↑↓ PgUp PgDn scroll  ← review  e export  n new  s scan  ? help  q quit";
    case TS_SCAN:
        return "↑↓ PgUp PgDn scroll  ← back  s scan again  ? help  q quit";
    }
    return "";
}
