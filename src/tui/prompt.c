/* Prompts of the guided session: a path to type, a yes/no, the help; and what their answers
 * do: export the advice, write a new project, scan a crate. */
#include "prompt.h"
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char default_export[] = "./lambda-advice.md";
static const char default_new_dir[] = "./my-function";

/* ---- prompts ---- */

void prompt_close(struct session *s)
{
    free(s->prompt.title);
    free(s->prompt.text);
    free(s->prompt.path);
    memset(&s->prompt, 0, sizeof s->prompt);
}

unsigned prompt_open(struct session *s, enum prompt_kind kind, enum prompt_op op, const char *title,
                     char *text, const char *input, const char *path)
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
        session_error(s, &err);
    }
    la_error_finish(&err);
    sb_finish(&md);
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
    char *name = project_default_name(dir);
    struct project_opts opts = {name, NULL};
    struct project_files files = {0};
    struct la_error err = LA_ERROR_INIT;
    /* The same writer as `new`: a temporary directory renamed into place, no symlinks. */
    bool ok =
        project_render(&e, &adv, &opts, &files, &err) && project_write(dir, &files, force, &err);
    if (ok) {
        char *abs = absolute(dir);
        session_say(s, false, "Wrote %zu files of a new project to %s", files.n, abs);
        free(abs);
    } else {
        session_error(s, &err);
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
        session_error(s, &err);
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
        int state = project_dir_state(d);
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

unsigned prompt_act(struct session *s, enum tui_action a, wchar_t ch)
{
    struct tui_prompt *p = &s->prompt;
    if (a == TA_INTERRUPT)
        return TR_QUIT;
    if (p->kind == PK_HELP) {
        if (session_scroll(&p->top, a, p->page))
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

unsigned prompt_scan(struct session *s)
{
    const char *def = path_exists("Cargo.toml") ? "." : "";
    return prompt_open(s, PK_TEXT, PO_SCAN_PATH, "Scan",
                       xstrdup("Scan which crate or directory for Lambda pitfalls?"), def, NULL);
}

unsigned prompt_quit(struct session *s)
{
    return prompt_open(s, PK_CONFIRM, PO_QUIT, "Quit",
                       xstrdup("The advice has not been exported (e). Quit anyway? (y/n)"), NULL,
                       NULL);
}

unsigned prompt_help(struct session *s)
{
    return prompt_open(s, PK_HELP, PO_HELP, "Help", help_text(s), NULL, NULL);
}

unsigned prompt_export(struct session *s)
{
    return prompt_open(s, PK_TEXT, PO_EXPORT_PATH, "Export",
                       xstrdup("Write the advice as Markdown to:"), default_export, NULL);
}

unsigned prompt_new(struct session *s)
{
    return prompt_open(s, PK_TEXT, PO_NEW_DIR, "New project",
                       xstrdup("Write a new cargo-lambda project into the directory:"),
                       default_new_dir, NULL);
}
