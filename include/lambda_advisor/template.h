/* Logic-less templates (a Mustache subset) for handler code, project files and the
 * Markdown bodies of recommendations. See src/render/template.c for why it is ours. */
#ifndef LA_TEMPLATE_H
#define LA_TEMPLATE_H

#include "lambda_advisor/error.h"
#include "lambda_advisor/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

/* A context: a map from names to strings, booleans or lists of child contexts.
 * Names are flat strings and may contain dots ("event_source.sqs" is one name). */
struct tctx;

struct tctx *tctx_create(void);
void tctx_destroy(struct tctx *c); /* NULL is fine; frees children too */
void tctx_set(struct tctx *c, const char *name, const char *value); /* copies value */
void tctx_set_bool(struct tctx *c, const char *name, bool value);
/* Appends a new child context to the list `name` and returns it (owned by c). */
struct tctx *tctx_push(struct tctx *c, const char *name);

/* Whether name is set to true, a non-empty string or a non-empty list (what {{#name}} tests). */
bool tctx_truthy(const struct tctx *c, const char *name);

/* The string name is set to, or NULL (not set, or not a string). */
const char *tctx_get(const struct tctx *c, const char *name);

/* Looks up a partial by name; returns its text (not freed by the engine) or NULL. */
typedef const char *(*tpl_partial_fn)(void *ud, const char *name, size_t *len);

/* For checking dynamic partials ({{>*name}}) without a context: the partial names the
 * context name can hold, as a NULL-terminated array of new strings (the caller frees each
 * and the array), or NULL when name is not one that holds a partial name. */
typedef char **(*tpl_values_fn)(void *ud, const char *name);

/* Renders src into out (appending). Tags: {{name}} (no HTML escaping: we emit code and
 * Markdown), {{#name}}...{{/name}} (true boolean, non-empty string, or each item of a list),
 * {{^name}}...{{/name}} (false, missing, empty), {{>partial}}, {{>*name}} (the partial whose
 * name is the string value of name: Mustache's dynamic names), {{! comment}}. A standalone
 * section or comment tag on a line of its own leaves no blank line behind. An unknown name
 * renders as nothing; an unknown partial, a dynamic partial whose name is unset or holds no
 * partial name, or an unbalanced section is an error with name:line:col. A standalone partial tag
 * is replaced by the partial's output with the tag's indentation added to each non-empty line (so
 * code parts compose at any depth). Names are looked up in the innermost list item first, then
 * outwards. */
bool template_render(const char *src, size_t len, const char *name, const struct tctx *ctx,
                     tpl_partial_fn partial, void *ud, struct strbuf *out, struct la_error *err);

/* Parses src and, through partial, every partial it names (recursively), without rendering:
 * unbalanced sections, bad tags and unknown partials are errors with name:line:col. A dynamic
 * partial is checked for every value values gives for its name (a name values does not know
 * is an error); it counts as the largest of them against the bounds on partial expansion
 * (16 MB of output, 100000 partials), which a template tree that could cross them fails. */
bool template_check(const char *src, size_t len, const char *name, tpl_partial_fn partial,
                    tpl_values_fn values, void *ud, struct la_error *err);

/* template_check() of a template file. A partial {{>x/y}} is the file "ROOT/x/y.tpl", where
 * ROOT is the nearest enclosing directory named "templates" (else the file's directory);
 * values (may be NULL: then no dynamic partial passes) is called with ROOT as its ud. */
bool template_validate(const char *path, tpl_values_fn values, struct la_error *err);

#endif
