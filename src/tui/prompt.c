/* Prompts of the guided session: a path to type, a yes/no, the help; and what their answers
 * do: export the advice, write a new project, scan a crate. */
#include "prompt.h"
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char default_export[] = "./lambda-advice.md";
static const char default_new_dir[] = "./my-function";

/* ---- prompts ---- */

void prompt_close(struct session *s)
{
    free(s->prompt.title);
    free(s->prompt.text);
    free(s->prompt.path);
    free(s->prompt.alts);
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
    edit_set(&s->prompt.edit, input);
    return TR_OVERLAY | TR_BARS;
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

static bool export_to(struct session *s, const char *path, bool force)
{
    struct strbuf md = STRBUF_INIT;
    struct la_error err = LA_ERROR_INIT;
    bool ok = session_markdown(s, &md, &err) && file_write_atomic(path, md.s, md.len, force, &err);
    if (ok) {
        char *abs = absolute(path);
        bool early = engine_next(&s->eng) >= 0;
        session_say(s, false, "Wrote the advice to %s%s", abs,
                    early ? " (defaults fill the unanswered questions)" : "");
        free(abs);
        s->dirty = false;
    } else {
        session_error(s, &err);
    }
    la_error_finish(&err);
    sb_finish(&md);
    return ok;
}

/* Why path cannot be written (its directory missing or read-only, or not a regular file),
 * or NULL when it can. The caller frees. */
static char *cannot_write(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return xasprintf("%s is not a regular file: choose another name", path);
    const char *slash = strrchr(path, '/');
    char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
    char *why = NULL;
    if (stat(dir, &st) != 0)
        why = xasprintf("%s: no such directory", dir);
    else if (!S_ISDIR(st.st_mode))
        why = xasprintf("%s is not a directory", dir);
    else if (access(dir, W_OK | X_OK) != 0)
        why = xasprintf("%s: cannot write there (permission denied)", dir);
    free(dir);
    return why;
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
    if (s->busy)
        s->busy(true, "Scanning");
    bool ok = scan_run(paths, 1, &opts, &r, &err);
    if (s->busy)
        s->busy(false, NULL);
    if (!ok) {
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

/* Keeps a text prompt open after an error: the message says why, the text stays. */
static unsigned keep_open(struct session *s, const struct tui_prompt *saved, char *why)
{
    s->prompt = *saved;
    session_say(s, true, "%s", why);
    free(why);
    return TR_OVERLAY | TR_BARS;
}

/* The prompt's answer has been accepted (text) or confirmed (yes). */
static unsigned prompt_accept(struct session *s)
{
    enum prompt_op op = s->prompt.op;
    char *value = s->prompt.kind == PK_TEXT ? edit_path(&s->prompt.edit) : NULL;
    char *path = s->prompt.path ? xstrdup(s->prompt.path) : NULL;
    /* a text prompt is kept (moved out, not freed) until its value is known to be good */
    struct tui_prompt saved = s->prompt;
    bool keep = s->prompt.kind == PK_TEXT;
    if (keep) {
        free(saved.alts);
        saved.alts = NULL;
        memset(&s->prompt, 0, sizeof s->prompt);
    } else {
        prompt_close(s);
    }
    unsigned r = TR_OVERLAY | TR_BARS;
    switch (op) {
    case PO_EXPORT_PATH: {
        char *p = xstrdup(*value ? value : default_export);
        struct stat st;
        if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) { /* a directory: the file goes in it */
            char *in =
                xasprintf("%s%s%s", p, p[strlen(p) - 1] == '/' ? "" : "/", default_export + 2);
            free(p);
            p = in;
        }
        char *why = cannot_write(p);
        if (why) {
            r |= keep_open(s, &saved, why);
            keep = false;
        } else if (path_exists(p)) {
            r |= prompt_open(s, PK_CONFIRM, PO_EXPORT_OVERWRITE, "Export",
                             xasprintf("%s already exists.\nOverwrite it? (y/n)", p), NULL, p);
        } else if (!export_to(s, p, false)) {
            char *m = xstrdup(s->message ? s->message : "cannot write there");
            r |= keep_open(s, &saved, m);
            keep = false;
        }
        free(p);
        break;
    }
    case PO_EXPORT_OVERWRITE:
        export_to(s, path, true);
        break;
    case PO_NEW_DIR: {
        const char *d = *value ? value : default_new_dir;
        int state = project_dir_state(d);
        if (state < 0) {
            r |= keep_open(s, &saved, xasprintf("%s is not a directory: type another place", d));
            keep = false;
        } else if (state > 0) {
            r |= prompt_open(s, PK_CONFIRM, PO_NEW_OVERWRITE, "New project",
                             xasprintf("%s is not empty.\nWrite the project into it, replacing "
                                       "files of the same name? (y/n)",
                                       d),
                             NULL, d);
        } else {
            new_project(s, d, false);
        }
        break;
    }
    case PO_NEW_OVERWRITE:
        new_project(s, path, true);
        break;
    case PO_SCAN_PATH:
        if (!*value) {
            r |= keep_open(s, &saved,
                           xstrdup("Nothing scanned: give a path to a crate or a directory"));
            keep = false;
        } else if (!path_exists(value)) {
            r |= keep_open(s, &saved, xasprintf("%s: no such file or directory", value));
            keep = false;
        } else {
            r |= run_scan(s, value);
        }
        break;
    case PO_SEARCH:
        free(s->search);
        s->search = *value ? xstrdup(value) : NULL;
        s->search_dir = s->search ? 1 : 0;
        r |= TR_ALL;
        break;
    case PO_RESUME:
        if (s->resume) {
            session_adopt(s, s->resume);
            session_say(s, false, "Resumed %zu answers of the last session", s->eng.nhistory);
        }
        r |= TR_ALL;
        break;
    case PO_QUIT:
        r |= TR_QUIT;
        break;
    case PO_HELP:
        break;
    }
    if (keep) { /* accepted: the saved prompt is done with */
        free(saved.title);
        free(saved.text);
        free(saved.path);
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
    if (a == TA_REDRAW) {
        s->redraw = true;
        return TR_ALL;
    }
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
    case TA_FOCUS: {
        if (p->op == PO_SEARCH)
            return TR_NONE;
        free(p->alts);
        p->alts = NULL;
        int n = edit_complete(&p->edit, &p->alts);
        if (n == 0)
            session_say(s, true, "No file or directory starts with that");
        return TR_OVERLAY | TR_BARS;
    }
    default: {
        bool full = false;
        bool changed = edit_key(&p->edit, a, ch, &full);
        if (full) {
            session_say(s, true, "The field is full (%d characters)", EDIT_MAX - 1);
            return TR_OVERLAY | TR_BARS;
        }
        return changed ? TR_OVERLAY : TR_NONE;
    }
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
    if (s->focus == TF_CODE)
        sb_adds(&sb, "The code pane: Up/Down/PgUp/PgDn and Left/Right scroll, [ and ] show the "
                     "other generated files (Cargo.toml, events, README), f shows it full screen, "
                     "/ searches (n and N find the next and previous match), y copies the file "
                     "to the clipboard, Tab moves to the next pane, Esc goes back.\n");
    else if (s->focus == TF_ADVICE)
        sb_adds(&sb, "The advice pane: Up/Down/PgUp/PgDn scroll it, Tab moves to the next pane, "
                     "Esc goes back.\n");
    else
        switch (s->screen) {
        case TS_QUESTION:
            sb_adds(&sb, "Keys: Up/Down (or j/k) move, Enter chooses, Space ticks in a list of "
                         "several choices, Left/Backspace/Esc go back one question without "
                         "changing any answer, Right goes forward over an answered question, "
                         "Tab moves between the question, the advice and the code.\n");
            break;
        case TS_REVIEW:
            sb_adds(&sb, "Every answer so far. Choose one with Up/Down and Enter to change it; "
                         "the last line shows the advice. Left/Backspace/Esc go back to the last "
                         "question without changing it.\n");
            break;
        case TS_FINAL:
            sb_adds(&sb, "The advice for your answers. Up/Down/PgUp/PgDn/Home/End scroll; [ and "
                         "] jump between sections; / searches, n and N find the next and "
                         "previous match; y copies the advice; Left/Backspace/Esc go back to the "
                         "review, where any answer can be changed.\n");
            break;
        case TS_SCAN:
            sb_adds(&sb, "The findings of the scan, by file and line. Up/Down/PgUp/PgDn scroll; "
                         "s scans again; Left/Backspace/Esc go back.\n");
            break;
        }
    sb_adds(&sb, "\ne exports the advice as Markdown (before the last question, defaults fill "
                 "the rest), n writes a new project, s scans a crate for Lambda pitfalls, r "
                 "opens the review once every question has an answer, Y copies the `advise` "
                 "command, Ctrl-L redraws, Ctrl-Z suspends, q quits (Ctrl-C leaves at "
                 "once).\n\n"
                 "In a text field: Left/Right, Home/End, Ctrl-A/E move; Backspace, Delete, "
                 "Ctrl-U/K/W erase; Tab completes a path; ~ is your home directory.\n\n"
                 "The same answers give the same advice as `lambda-advisor advise`.\n\n"
                 "Press any key to close this help.");
    return sb_detach(&sb);
}

unsigned prompt_search(struct session *s)
{
    return prompt_open(s, PK_TEXT, PO_SEARCH, "Search",
                       xstrdup(s->focus == TF_CODE ? "Find in the code:" : "Find in the advice:"),
                       s->search, NULL);
}

unsigned prompt_scan(struct session *s)
{
    /* scanning again proposes the path scanned last */
    const char *def = s->scan_path ? s->scan_path : path_exists("Cargo.toml") ? "." : "";
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
    bool early = engine_next(&s->eng) >= 0;
    return prompt_open(s, PK_TEXT, PO_EXPORT_PATH, "Export",
                       xstrdup(early ? "Write the advice as Markdown to (the unanswered "
                                       "questions take their defaults):"
                                     : "Write the advice as Markdown to:"),
                       default_export, NULL);
}

unsigned prompt_new(struct session *s)
{
    return prompt_open(s, PK_TEXT, PO_NEW_DIR, "New project",
                       xstrdup("Write a new cargo-lambda project into the directory:"),
                       default_new_dir, NULL);
}
