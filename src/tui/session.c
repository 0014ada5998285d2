/* The guided session's model: what each action does to the screens, fields and prompts.
 * Never draws: every handler returns the tui_reaction bits of what it changed. */
#include "session.h"
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/report.h"
#include "lambda_advisor/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char default_export[] = "./lambda-advice.md";
static const char default_new_dir[] = "./my-function";

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

static void say_error(struct session *s, const struct la_error *err)
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
    free(s->prompt.title);
    free(s->prompt.text);
    free(s->prompt.path);
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

static unsigned scroll(int *top, enum tui_action a, int page);

/* ---- prompts ---- */

static void prompt_close(struct session *s)
{
    free(s->prompt.title);
    free(s->prompt.text);
    free(s->prompt.path);
    memset(&s->prompt, 0, sizeof s->prompt);
}

static unsigned prompt_open(struct session *s, enum prompt_kind kind, enum prompt_op op,
                            const char *title, char *text, const char *input, const char *path)
{
    prompt_close(s);
    s->prompt.kind = kind;
    s->prompt.op = op;
    s->prompt.title = xstrdup(title);
    s->prompt.text = text;
    s->prompt.path = path ? xstrdup(path) : NULL;
    if (input) {
        size_t n = mbstowcs(s->prompt.input, input, sizeof s->prompt.input / sizeof(wchar_t) - 1);
        s->prompt.ninput = n == (size_t)-1 ? 0 : n;
        s->prompt.input[s->prompt.ninput] = L'\0';
    }
    return TR_OVERLAY | TR_BARS;
}

static char *prompt_value(const struct session *s)
{
    char buf[sizeof s->prompt.input * 2];
    size_t n = wcstombs(buf, s->prompt.input, sizeof buf - 1);
    if (n == (size_t)-1)
        n = 0;
    buf[n] = '\0';
    /* Trim spaces at both ends. */
    char *p = buf;
    while (*p == ' ')
        p++;
    size_t len = strlen(p);
    while (len && p[len - 1] == ' ')
        p[--len] = '\0';
    return xstrdup(p);
}

static bool path_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static char *absolute(const char *path)
{
    char *r = realpath(path, NULL);
    return r ? r : xstrdup(path);
}

static void export_to(struct session *s, const char *path, bool force)
{
    struct strbuf md = STRBUF_INIT;
    struct la_error err = LA_ERROR_INIT;
    if (session_markdown(s, &md, &err) && file_write_atomic(path, md.s, md.len, force, &err)) {
        char *abs = absolute(path);
        session_say(s, false, "Wrote the advice to %s", abs);
        free(abs);
        s->dirty = false;
    } else {
        say_error(s, &err);
    }
    la_error_finish(&err);
    sb_finish(&md);
}

/* The crate name `new` would use: DIR's last component when it is a valid crate name, else
 * NULL (project_render's default). */
static char *crate_name(const char *dir)
{
    char *copy = xstrdup(dir);
    size_t n = strlen(copy);
    while (n > 1 && copy[n - 1] == '/')
        copy[--n] = '\0';
    const char *base = strrchr(copy, '/') ? strrchr(copy, '/') + 1 : copy;
    bool ok = (base[0] >= 'a' && base[0] <= 'z') || (base[0] >= 'A' && base[0] <= 'Z');
    for (const char *p = base; ok && *p; p++)
        ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
             *p == '-' || *p == '_';
    char *name = ok && strlen(base) <= 64 ? xstrdup(base) : NULL;
    free(copy);
    return name;
}

/* 1: a directory with entries, 0: empty or missing, -1: not a directory. */
static int dir_state(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return errno == ENOENT ? 0 : -1;
    if (!S_ISDIR(st.st_mode))
        return -1;
    DIR *d = opendir(dir);
    if (d == NULL)
        return -1;
    int state = 0;
    struct dirent *de;
    while (state == 0 && (de = readdir(d)) != NULL)
        state = strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
    closedir(d);
    return state;
}

static void new_project(struct session *s, const char *dir, bool force)
{
    struct engine e;
    engine_init(&e, s->tree);
    for (size_t h = 0; h < s->eng.nhistory; h++)
        engine_answer(&e, s->eng.history[h], &s->eng.answers[s->eng.history[h]], NULL);
    engine_fill_defaults(&e);
    struct advice adv;
    advice_compute(&adv, &e);
    char *name = crate_name(dir);
    struct project_opts opts = {name, NULL};
    struct project_files files = {0};
    struct la_error err = LA_ERROR_INIT;
    bool ok = project_render(&e, &adv, &opts, &files, &err);
    size_t written = 0;
    for (size_t i = 0; ok && i < files.n; i++) {
        char *full = xasprintf("%s/%s", dir, files.v[i].path);
        char *slash = strrchr(full, '/');
        *slash = '\0';
        ok = file_mkdirs(full, &err);
        *slash = '/';
        ok = ok &&
             file_write_atomic(full, files.v[i].content, strlen(files.v[i].content), force, &err);
        written += ok;
        free(full);
    }
    if (ok) {
        char *abs = absolute(dir);
        session_say(s, false, "Wrote %zu files of a new project to %s", written, abs);
        free(abs);
    } else {
        say_error(s, &err);
    }
    la_error_finish(&err);
    free(name);
    project_files_finish(&files);
    advice_finish(&adv);
    engine_finish(&e);
}

static unsigned run_scan(struct session *s, const char *path)
{
    struct scan_opts opts = {0};
    struct scan_result r;
    struct la_error err = LA_ERROR_INIT;
    const char *paths[] = {path};
    if (!scan_run(paths, 1, &opts, &r, &err)) {
        say_error(s, &err);
        la_error_finish(&err);
        return TR_BARS;
    }
    if (s->have_scan)
        scan_result_finish(&s->scan);
    s->scan = r;
    s->have_scan = true;
    free(s->scan_path);
    s->scan_path = xstrdup(path);
    if (s->screen != TS_SCAN)
        s->before_scan = s->screen;
    s->screen = TS_SCAN;
    s->main_top = 0;
    s->focus = TF_MAIN;
    session_say(s, false, "%zu finding%s in %zu file%s", r.n, r.n == 1 ? "" : "s", r.files_scanned,
                r.files_scanned == 1 ? "" : "s");
    return TR_ALL;
}

/* The prompt's answer has been accepted (text) or confirmed (yes). */
static unsigned prompt_accept(struct session *s)
{
    enum prompt_op op = s->prompt.op;
    char *value = s->prompt.kind == PK_TEXT ? prompt_value(s) : NULL;
    char *path = s->prompt.path ? xstrdup(s->prompt.path) : NULL;
    prompt_close(s);
    unsigned r = TR_OVERLAY | TR_BARS;
    switch (op) {
    case PO_EXPORT_PATH: {
        const char *p = *value ? value : default_export;
        if (path_exists(p))
            r |= prompt_open(s, PK_CONFIRM, PO_EXPORT_OVERWRITE, "Export",
                             xasprintf("%s already exists.\nOverwrite it? (y/n)", p), NULL, p);
        else
            export_to(s, p, false);
        break;
    }
    case PO_EXPORT_OVERWRITE:
        export_to(s, path, true);
        break;
    case PO_NEW_DIR: {
        const char *d = *value ? value : default_new_dir;
        int state = dir_state(d);
        if (state < 0)
            session_say(s, true, "%s is not a directory: choose another place (n)", d);
        else if (state > 0)
            r |= prompt_open(s, PK_CONFIRM, PO_NEW_OVERWRITE, "New project",
                             xasprintf("%s is not empty.\nWrite the project into it, replacing "
                                       "files of the same name? (y/n)",
                                       d),
                             NULL, d);
        else
            new_project(s, d, false);
        break;
    }
    case PO_NEW_OVERWRITE:
        new_project(s, path, true);
        break;
    case PO_SCAN_PATH:
        if (*value)
            r |= run_scan(s, value);
        else
            session_say(s, true, "Nothing scanned: give a path to a crate or a directory");
        break;
    case PO_QUIT:
        r |= TR_QUIT;
        break;
    case PO_HELP:
        break;
    }
    free(value);
    free(path);
    return r;
}

static unsigned prompt_act(struct session *s, enum tui_action a, wchar_t ch)
{
    struct tui_prompt *p = &s->prompt;
    if (a == TA_INTERRUPT)
        return TR_QUIT;
    if (p->kind == PK_HELP) {
        if (scroll(&p->top, a, p->page))
            return TR_OVERLAY;
        if (a == TA_UP || a == TA_DOWN || a == TA_PAGE_UP || a == TA_PAGE_DOWN || a == TA_HOME ||
            a == TA_END)
            return TR_NONE;
        prompt_close(s);
        return TR_ALL;
    }
    if (p->kind == PK_CONFIRM) {
        if (ch == L'y' || ch == L'Y')
            return prompt_accept(s) | TR_ALL;
        if (ch == L'n' || ch == L'N' || a == TA_CANCEL || a == TA_QUIT) {
            session_say(s, false, "Cancelled");
            prompt_close(s);
            return TR_ALL;
        }
        return TR_NONE;
    }
    switch (a) {
    case TA_CHOOSE:
        return prompt_accept(s) | TR_ALL;
    case TA_CANCEL:
        session_say(s, false, "Cancelled");
        prompt_close(s);
        return TR_ALL;
    case TA_BACK:
    case TA_LEFT:
        if (p->ninput)
            p->input[--p->ninput] = L'\0';
        return TR_OVERLAY;
    default:
        if (ch >= L' ' && p->ninput + 1 < sizeof p->input / sizeof p->input[0]) {
            p->input[p->ninput++] = ch;
            p->input[p->ninput] = L'\0';
            return TR_OVERLAY;
        }
        return TR_NONE;
    }
}

/* ---- help ---- */

static char *help_text(const struct session *s)
{
    struct strbuf sb = STRBUF_INIT;
    const struct question *q = session_question(s);
    if (q) {
        sb_addf(&sb, "%s\n\n", q->prompt);
        if (q->help)
            sb_addf(&sb, "%s\n\n", q->help);
        for (size_t i = 0; i < q->nchoices; i++)
            if (q->choices[i].help)
                sb_addf(&sb, "- %s: %s\n", q->choices[i].label, q->choices[i].help);
        if (q->kind == Q_NUMBER) {
            char *valid = question_valid_values(q);
            sb_addf(&sb, "Type %s%s%s, then Enter.\n", valid, q->unit ? " " : "",
                    q->unit ? q->unit : "");
            free(valid);
        }
        sb_adds(&sb, "\n");
    }
    switch (s->screen) {
    case TS_QUESTION:
        sb_adds(&sb, "Keys: Up/Down or j/k move, Enter chooses (Space ticks in a list of several "
                     "choices), Backspace or Left goes back one question, Tab moves to the code "
                     "pane and back.\n");
        break;
    case TS_REVIEW:
        sb_adds(&sb, "Every answer so far. Choose one with Up/Down and Enter to change it; "
                     "choose the last line to see the advice. Backspace undoes the last "
                     "answer.\n");
        break;
    case TS_FINAL:
        sb_adds(&sb, "The advice for your answers. Up/Down and PgUp/PgDn scroll; Backspace "
                     "goes back to the review, where any answer can be changed.\n");
        break;
    case TS_SCAN:
        sb_adds(&sb, "The findings of the scan, by file and line. Up/Down scroll; Backspace "
                     "goes back.\n");
        break;
    }
    sb_adds(&sb, "\ne exports the advice as Markdown, n writes a new project, s scans a crate "
                 "for Lambda pitfalls, r goes to the review once every question has an "
                 "answer, q quits (Ctrl-C leaves at once).\n\n"
                 "The same answers give the same advice as `lambda-advisor advise`.\n\n"
                 "Press any key to close this help.");
    return sb_detach(&sb);
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
        say_error(s, &err);
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

static unsigned scroll(int *top, enum tui_action a, int page)
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
        if (scroll(&s->code_top, a, s->code_h)) {
            int max = count_lines(session_code(s)) - s->code_h;
            if (s->code_top > (max > 0 ? max : 0))
                s->code_top = max > 0 ? max : 0;
            return TR_CODE;
        }
        return TR_NONE;
    }
}

static unsigned start_scan(struct session *s)
{
    const char *def = path_exists("Cargo.toml") ? "." : "";
    return prompt_open(s, PK_TEXT, PO_SCAN_PATH, "Scan",
                       xstrdup("Scan which crate or directory for Lambda pitfalls?"), def, NULL);
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
        if (s->dirty)
            return r | prompt_open(s, PK_CONFIRM, PO_QUIT, "Quit",
                                   xstrdup("The advice has not been exported (e). "
                                           "Quit anyway? (y/n)"),
                                   NULL, NULL);
        return r | TR_QUIT;
    case TA_HELP:
        return r | prompt_open(s, PK_HELP, PO_HELP, "Help", help_text(s), NULL, NULL);
    case TA_EXPORT:
        return r | prompt_open(s, PK_TEXT, PO_EXPORT_PATH, "Export",
                               xstrdup("Write the advice as Markdown to:"), default_export, NULL);
    case TA_NEW:
        return r | prompt_open(s, PK_TEXT, PO_NEW_DIR, "New project",
                               xstrdup("Write a new cargo-lambda project into the directory:"),
                               default_new_dir, NULL);
    case TA_SCAN:
        return r | start_scan(s);
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
        return r | (scroll(&s->main_top, a, s->main_h) ? TR_MAIN : TR_NONE);
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
