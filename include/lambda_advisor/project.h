/* The files of a generated project (handler, Cargo.toml, sample events, README, CI),
 * rendered from templates/ for an advice. Used by `new`, the reports and the code pane. */
#ifndef LA_PROJECT_H
#define LA_PROJECT_H

#include "lambda_advisor/advice.h"
#include "lambda_advisor/template.h"

struct project_file {
    char *path; /* relative, '/'-separated, never absolute, never with ".." */
    char *content;
};

struct project_files {
    struct project_file *v;
    size_t n;
};

struct project_opts {
    const char *name; /* crate name; NULL: "my-function" */
    const char *ci;   /* NULL, or "github" for a GitHub Actions workflow */
};

/* The template context for an engine's answers and advice: every question id and setting id
 * as a name with its value as text (multi: "a, b"), NAME.label for choice labels, and
 * NAME.VALUE booleans for every choice (e.g. {{#event_source.sqs}}, {{#goals.latency}},
 * {{#pattern.spawn-blocking}}). A setting may share a question's id (memory_mb): the
 * setting's value wins that name, and answer.ID always holds the question's own answer
 * (set answer.ID for every question). Unasked questions get no names at all (so their
 * sections are false). Values: engine_value() for asked questions (see engine_is_asked),
 * adv->setting_text for settings. The caller destroys it. */
struct tctx *advice_context(const struct engine *e, const struct advice *adv);

/* advice_context() plus the names the project templates use: crate_name, ci.github, the
 * event source's pieces (event_source.handler = "sources/<id>/handler", ...) and derived
 * names (which client reads the input: fetch.*, which ones write: write.*, and what follows
 * from the source's traits in templates/sources/<id>/source.yaml; see templates/README.md).
 * NULL with err when the source's declaration is missing or wrong. The caller destroys it. */
struct tctx *project_context(const struct engine *e, const struct advice *adv,
                             const struct project_opts *opts, struct la_error *err);

/* Whether p is a safe relative output path: '/'-separated plain names ([A-Za-z0-9._-]), no
 * empty, "." or ".." component, not absolute. */
bool project_path_valid(const char *p);

/* Renders the project files for the advice: templates/files.tpl, rendered, lists them
 * ("OUTPUT-PATH TEMPLATE-NAME" per line); every path is checked with project_path_valid. An
 * invalid opts->name (crate names: a letter, then letters, digits, '-', '_') is an error. Order is
 * stable: src/main.rs, Cargo.toml, then the rest sorted by path. */
bool project_render(const struct engine *e, const struct advice *adv,
                    const struct project_opts *opts, struct project_files *out,
                    struct la_error *err);
void project_files_finish(struct project_files *f);

/* Writes the files into dir. dir must be missing or empty unless force (then the files
 * replace those of the same path; other files stay). Everything is written into a temporary
 * directory beside dir first (fsynced), then renamed into place: a new dir appears whole; an
 * existing one gets one rename per file. Refuses unsafe paths and never follows a symbolic
 * link or non-directory inside dir; on failure the temporary directory is removed. */
bool project_write(const char *dir, const struct project_files *files, bool force,
                   struct la_error *err);

/* The partial lookup for the shipped templates ({{>x}} is templates/x.tpl): a
 * tpl_partial_fn. */
const char *project_partial(void *ud, const char *name, size_t *len);

/* tpl_values_fn for the shipped templates' dynamic partials: event_source.<piece> can hold
 * "sources/<id>/<piece>" for every folder templates/sources/<id>/; any other name none (NULL).
 * ud is unused. */
char **project_partial_values(void *ud, const char *name);
/* The same for the templates directory ud (a path) on disk, for template_validate(). */
char **project_partial_values_dir(void *ud, const char *name);

/* Every event source is one folder templates/sources/<id>/ plus its choice of event_source:
 * reports (through report, then counts) each choice without a piece of its folder or its
 * source.yaml, at the choice's file:line:col; each source.yaml that is not valid (an
 * unknown trait...), at its own line and column; each folder without a choice, at the
 * question. */
size_t project_check_sources(const struct tree *t, void (*report)(void *ud, struct la_error *err),
                             void *ud);

/* The crate name for a project in dir: its (resolved) last component when that is a valid
 * crate name, else NULL (project_render's default applies). The caller frees it. */
char *project_default_name(const char *dir);
/* 1: a directory with entries, 0: empty or missing, -1: not a directory / unreadable. */
int project_dir_state(const char *dir);

#endif
