/* Rule files: YAML through ynode, patterns compiled (and JIT-compiled) once with PCRE2. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "lambda_advisor/rules.h"
#include "lambda_advisor/data.h"
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/xalloc.h"
#include "lambda_advisor/ynode.h"
#include "scan_int.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RULE_FILE_MAX (4u << 20)

static const struct {
    const char *name;
    enum rule_check check;
} checks[] = {
    {"sequential-awaits", RC_SEQUENTIAL_AWAITS},
    {"await-in-loop", RC_AWAIT_IN_LOOP},
    {"no-tests", RC_NO_TESTS},
    {"no-tracing", RC_NO_TRACING},
    {"config", RC_CONFIG},
};

static const struct {
    const char *name;
    enum rule_scope scope;
} scopes[] = {
    {"code", RS_CODE},
    {"async", RS_ASYNC},
    {"not-main", RS_NOT_MAIN},
    {"handler", RS_HANDLER},
    {"async-or-lambda-crate", RS_ASYNC_OR_LAMBDA},
};

static const char *const keys[] = {"id",          "severity",    "kinds",         "scope",
                                   "crate",       "pattern",     "check",         "prefilter",
                                   "not_awaited", "unless_file", "title",         "message",
                                   "fix",         "help",        "recommendation"};

bool severity_parse(const char *s, enum severity *out)
{
    if (strcmp(s, "note") == 0)
        *out = SEV_NOTE;
    else if (strcmp(s, "warning") == 0)
        *out = SEV_WARNING;
    else if (strcmp(s, "error") == 0)
        *out = SEV_ERROR;
    else
        return false;
    return true;
}

static void rule_free(struct rule *r)
{
    free(r->id);
    free(r->pattern);
    pcre2_code_free(r->re);
    for (size_t i = 0; i < r->nprefilter; i++)
        free(r->prefilter[i]);
    free(r->prefilter);
    free(r->unless_file);
    pcre2_code_free(r->unless_re);
    free(r->title);
    free(r->message);
    free(r->fix);
    free(r->help);
    free(r->recommendation);
    free(r->file);
    memset(r, 0, sizeof *r);
}

struct rule *rules_find(const struct ruleset *rs, const char *id)
{
    for (size_t i = 0; i < rs->n; i++)
        if (strcmp(rs->v[i].id, id) == 0)
            return &rs->v[i];
    return NULL;
}

static bool at(struct la_error *err, const char *file, const struct ynode *n, const char *fmt,
               const char *a, const char *b)
{
    return la_error_set(err, file, n ? n->line : 0, n ? n->col : 0, fmt, a, b);
}

static bool scalar(const char *file, const struct ynode *n, const char *key, struct la_error *err)
{
    if (n->kind != YN_SCALAR)
        return at(err, file, n, "'%s' must be a string, not a %s", key, ynode_kind_name(n->kind));
    return true;
}

/* Compiles a pattern; on error points at the offending byte when the scalar is on one line. */
static struct pcre2_real_code_8 *compile(const char *file, const struct ynode *n, const char *key,
                                         struct la_error *err)
{
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)n->value, n->len, 0, &code, &off, NULL);
    if (re == NULL) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        int col = n->col;
        if (memchr(n->value, '\n', n->len) == NULL)
            col += (int)off + (n->plain ? 0 : 1);
        la_error_set(err, file, n->line, col, "%s: PCRE2 cannot compile it: %s (at offset %zu)",
                     key, (const char *)msg, (size_t)off);
        return NULL;
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* without JIT it still works, only slower */
    return re;
}

static bool parse_list(const char *file, const struct ynode *n, const char *key, char ***out,
                       size_t *nout, struct la_error *err)
{
    if (n->kind == YN_SCALAR) {
        *out = xmalloc(sizeof **out);
        (*out)[0] = xstrdup(n->value);
        *nout = 1;
        return true;
    }
    if (n->kind != YN_SEQ)
        return at(err, file, n, "'%s' must be a list of strings%s", key, "");
    *out = xcalloc(n->nkids + 1, sizeof **out);
    *nout = 0;
    for (size_t i = 0; i < n->nkids; i++) {
        if (n->kids[i]->kind != YN_SCALAR || n->kids[i]->len == 0) {
            for (size_t k = 0; k < *nout; k++)
                free((*out)[k]);
            free(*out);
            *out = NULL;
            *nout = 0;
            return at(err, file, n->kids[i], "'%s' items must be non-empty strings%s", key, "");
        }
        (*out)[(*nout)++] = xstrdup(n->kids[i]->value);
    }
    return true;
}

static bool valid_id(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return false;
    return true;
}

static bool parse_rule(const char *file, const struct ynode *m, struct rule *r,
                       struct la_error *err)
{
    memset(r, 0, sizeof *r);
    r->file = xstrdup(file);
    r->line = m->line;
    r->col = m->col;
    r->kinds = RK_RUST;
    if (m->kind != YN_MAP)
        return at(err, file, m,
                  "a rule must be a mapping (id, severity, pattern or check, "
                  "message, ...), not a %s%s",
                  ynode_kind_name(m->kind), "");
    for (size_t i = 0; i + 1 < m->nkids; i += 2) {
        const struct ynode *k = m->kids[i];
        bool known = false;
        for (size_t j = 0; j < sizeof keys / sizeof keys[0]; j++)
            known |= k->kind == YN_SCALAR && strcmp(k->value, keys[j]) == 0;
        if (!known)
            return at(err, file, k,
                      "unknown key '%s'; valid keys: id, severity, kinds, scope, crate, "
                      "pattern, check, prefilter, not_awaited, unless_file, title, message, "
                      "fix, help, recommendation%s",
                      k->kind == YN_SCALAR ? k->value : "?", "");
        const struct ynode *v = m->kids[i + 1];
        const char *key = k->value;
        if (strcmp(key, "kinds") == 0 || strcmp(key, "prefilter") == 0)
            continue;
        if (!scalar(file, v, key, err))
            return false;
    }
    const struct ynode *n;
    if ((n = ynode_get(m, "id")) == NULL)
        return at(err, file, m, "a rule needs an 'id'%s%s", "", "");
    if (!valid_id(n->value))
        return at(err, file, n, "rule id '%s' must be lower-case letters, digits and '-'%s",
                  n->value, "");
    r->id = xstrdup(n->value);
    if ((n = ynode_get(m, "severity")) == NULL)
        return at(err, file, m, "rule '%s' needs a 'severity' (note, warning or error)%s", r->id,
                  "");
    if (!severity_parse(n->value, &r->severity))
        return at(err, file, n, "invalid severity '%s'; valid: note, warning, error%s", n->value,
                  "");
    if ((n = ynode_get(m, "message")) == NULL || n->len == 0)
        return at(err, file, n ? n : m, "rule '%s' needs a non-empty 'message'%s", r->id, "");
    r->message = xstrdup(n->value);
    if ((n = ynode_get(m, "scope")) != NULL) {
        size_t j = 0;
        while (j < sizeof scopes / sizeof scopes[0] && strcmp(scopes[j].name, n->value) != 0)
            j++;
        if (j == sizeof scopes / sizeof scopes[0])
            return at(err, file, n,
                      "invalid scope '%s'; valid: code, async, not-main, handler, "
                      "async-or-lambda-crate%s",
                      n->value, "");
        r->scope = scopes[j].scope;
    }
    if ((n = ynode_get(m, "crate")) != NULL) {
        if (strcmp(n->value, "lambda") != 0 && strcmp(n->value, "any") != 0)
            return at(err, file, n, "invalid crate '%s'; valid: any, lambda%s", n->value, "");
        r->lambda_only = strcmp(n->value, "lambda") == 0;
    }
    if ((n = ynode_get(m, "not_awaited")) != NULL) {
        if (strcmp(n->value, "true") != 0 && strcmp(n->value, "false") != 0)
            return at(err, file, n, "invalid not_awaited '%s'; valid: true, false%s", n->value, "");
        r->not_awaited = strcmp(n->value, "true") == 0;
    }
    if ((n = ynode_get(m, "kinds")) != NULL) {
        char **ks;
        size_t nk;
        if (!parse_list(file, n, "kinds", &ks, &nk, err))
            return false;
        r->kinds = 0;
        bool ok = true;
        for (size_t i = 0; i < nk; i++) {
            if (strcmp(ks[i], "rust") == 0)
                r->kinds |= RK_RUST;
            else if (strcmp(ks[i], "cargo") == 0)
                r->kinds |= RK_CARGO;
            else if (strcmp(ks[i], "deploy") == 0)
                r->kinds |= RK_DEPLOY;
            else if (ok) {
                ok = false;
                at(err, file, n->kind == YN_SEQ ? n->kids[i] : n,
                   "invalid file kind '%s'; valid: rust, cargo, deploy%s", ks[i], "");
            }
        }
        for (size_t i = 0; i < nk; i++)
            free(ks[i]);
        free(ks);
        if (!ok)
            return false;
    }
    if ((n = ynode_get(m, "prefilter")) != NULL &&
        !parse_list(file, n, "prefilter", &r->prefilter, &r->nprefilter, err))
        return false;
    const struct ynode *pat = ynode_get(m, "pattern"), *chk = ynode_get(m, "check");
    if ((pat == NULL) == (chk == NULL))
        return at(err, file, pat ? chk : m,
                  "rule '%s' needs exactly one of 'pattern' (a PCRE2 regex) or 'check' (one of "
                  "sequential-awaits, await-in-loop, no-tests, no-tracing, config)%s",
                  r->id, "");
    if (chk) {
        size_t j = 0;
        while (j < sizeof checks / sizeof checks[0] && strcmp(checks[j].name, chk->value) != 0)
            j++;
        if (j == sizeof checks / sizeof checks[0])
            return at(err, file, chk,
                      "unknown check '%s'; valid: sequential-awaits, await-in-loop, no-tests, "
                      "no-tracing, config%s",
                      chk->value, "");
        r->check = checks[j].check;
        if (r->check == RC_CONFIG && ynode_get(m, "kinds") == NULL)
            r->kinds = RK_CARGO | RK_DEPLOY;
    } else {
        if (pat->len == 0)
            return at(err, file, pat, "rule '%s': empty pattern%s", r->id, "");
        r->pattern = xstrdup(pat->value);
        if ((r->re = compile(file, pat, "pattern", err)) == NULL)
            return false;
    }
    if ((n = ynode_get(m, "unless_file")) != NULL) {
        r->unless_file = xstrdup(n->value);
        if ((r->unless_re = compile(file, n, "unless_file", err)) == NULL)
            return false;
    }
    if ((n = ynode_get(m, "title")) != NULL)
        r->title = xstrdup(n->value);
    if ((n = ynode_get(m, "fix")) != NULL)
        r->fix = xstrdup(n->value);
    if ((n = ynode_get(m, "help")) != NULL)
        r->help = xstrdup(n->value);
    if ((n = ynode_get(m, "recommendation")) != NULL) {
        if (!valid_id(n->value))
            return at(err, file, n, "recommendation '%s' is not a valid id%s", n->value, "");
        r->recommendation = xstrdup(n->value);
    }
    return true;
}

bool rules_load_buffer(struct ruleset *rs, const char *name, const char *buf, size_t len,
                       struct la_error *err)
{
    struct ydoc doc;
    if (!ydoc_parse(&doc, name, buf, len, err))
        return false;
    bool ok = false;
    size_t first = rs->n;
    const struct ynode *root = doc.root, *list;
    if (root == NULL || root->kind != YN_MAP) {
        at(err, name, root, "a rule file is a mapping with a 'rules' list%s%s", "", "");
        goto out;
    }
    for (size_t i = 0; i + 1 < root->nkids; i += 2)
        if (strcmp(root->kids[i]->value ? root->kids[i]->value : "", "rules") != 0) {
            at(err, name, root->kids[i],
               "unknown top-level key '%s'; a rule file has only 'rules'%s",
               root->kids[i]->value ? root->kids[i]->value : "?", "");
            goto out;
        }
    if ((list = ynode_get(root, "rules")) == NULL || list->kind != YN_SEQ) {
        at(err, name, list ? list : root, "'rules' must be a list of rules%s%s", "", "");
        goto out;
    }
    for (size_t i = 0; i < list->nkids; i++) {
        struct rule r;
        if (!parse_rule(name, list->kids[i], &r, err)) {
            rule_free(&r);
            goto out;
        }
        struct rule *dup = rules_find(rs, r.id);
        if (dup) {
            la_error_set(err, name, list->kids[i]->line, list->kids[i]->col,
                         "duplicate rule id '%s' (first defined at %s:%d:%d)", r.id, dup->file,
                         dup->line, dup->col);
            rule_free(&r);
            goto out;
        }
        rs->v = xgrow(rs->v, &rs->cap, rs->n + 1, sizeof *rs->v);
        rs->v[rs->n++] = r;
    }
    ok = true;
out:
    if (!ok) {
        while (rs->n > first)
            rule_free(&rs->v[--rs->n]);
    }
    ydoc_finish(&doc);
    return ok;
}

bool rules_load_file(struct ruleset *rs, const char *path, struct la_error *err)
{
    char *buf;
    size_t len;
    if (!file_read_all(path, RULE_FILE_MAX, &buf, &len, err))
        return false;
    bool ok = rules_load_buffer(rs, path, buf, len, err);
    free(buf);
    return ok;
}

struct each_ctx {
    struct ruleset *rs;
    struct la_error *err;
    bool ok;
};

static void load_shipped(void *ud, const char *rel)
{
    struct each_ctx *c = ud;
    size_t n = strlen(rel);
    if (!c->ok || n < 5 || (strcmp(rel + n - 5, ".yaml") != 0 && strcmp(rel + n - 4, ".yml") != 0))
        return;
    size_t len;
    const char *buf = data_get(rel, &len);
    if (buf)
        c->ok = rules_load_buffer(c->rs, rel, buf, len, c->err);
    else /* listed but unreadable: not a regular file (a FIFO, /dev/zero), or no permission */
        c->ok = la_error_set(c->err, rel, 0, 0,
                             "cannot read this data file (not a regular, "
                             "readable file?)");
}

bool rules_load_default(struct ruleset *rs, struct la_error *err)
{
    struct each_ctx c = {rs, err, true};
    data_each("decision-trees/rules", load_shipped, &c);
    if (c.ok && rs->n == 0)
        return la_error_set(err, NULL, 0, 0, "no shipped rules found (decision-trees/rules*.yaml)");
    return c.ok;
}

bool rules_validate_file(const char *path, struct la_error *err)
{
    struct ruleset rs = {0};
    bool ok = rules_load_file(&rs, path, err);
    rules_finish(&rs);
    return ok;
}

bool rules_is_rule_file(const char *buf, size_t len)
{
    struct ydoc doc;
    if (!ydoc_parse(&doc, "", buf, len, NULL))
        return false;
    bool yes = doc.root && doc.root->kind == YN_MAP && ynode_get(doc.root, "rules") != NULL;
    ydoc_finish(&doc);
    return yes;
}

static bool check_known(const struct ruleset *rs, const char *file, const struct ynode *n,
                        struct la_error *err)
{
    if (n->kind != YN_SCALAR)
        return at(err, file, n, "expected a rule id, not a %s%s", ynode_kind_name(n->kind), "");
    if (rules_find(rs, n->value) == NULL)
        return at(err, file, n,
                  "unknown rule id '%s' (lambda-advisor scan --list-rules shows them)%s", n->value,
                  "");
    return true;
}

bool rules_apply_config(struct ruleset *rs, const char *path, struct la_error *err)
{
    struct ydoc doc;
    if (!ydoc_load_file(&doc, path, RULE_FILE_MAX, err))
        return false;
    bool ok = false;
    const struct ynode *root = doc.root, *n;
    if (root == NULL) {
        ok = true;
        goto out;
    }
    if (root->kind != YN_MAP) {
        at(err, path, root, "the project config is a mapping (rules, disable, severity)%s%s", "",
           "");
        goto out;
    }
    for (size_t i = 0; i + 1 < root->nkids; i += 2) {
        const char *k = root->kids[i]->value ? root->kids[i]->value : "?";
        if (strcmp(k, "rules") && strcmp(k, "disable") && strcmp(k, "severity")) {
            at(err, path, root->kids[i], "unknown key '%s'; valid keys: rules, disable, severity%s",
               k, "");
            goto out;
        }
    }
    if ((n = ynode_get(root, "rules")) != NULL) {
        char **files;
        size_t nf;
        if (!parse_list(path, n, "rules", &files, &nf, err))
            goto out;
        const char *slash = strrchr(path, '/');
        bool bad = false;
        for (size_t i = 0; i < nf; i++) {
            char *p = files[i][0] == '/' || slash == NULL
                          ? xstrdup(files[i])
                          : xasprintf("%.*s/%s", (int)(slash - path), path, files[i]);
            if (!bad && !rules_load_file(rs, p, err))
                bad = true;
            free(p);
            free(files[i]);
        }
        free(files);
        if (bad)
            goto out;
    }
    if ((n = ynode_get(root, "disable")) != NULL) {
        if (n->kind != YN_SEQ) {
            at(err, path, n, "'disable' must be a list of rule ids%s%s", "", "");
            goto out;
        }
        for (size_t i = 0; i < n->nkids; i++) {
            if (!check_known(rs, path, n->kids[i], err))
                goto out;
            rules_find(rs, n->kids[i]->value)->disabled = true;
        }
    }
    if ((n = ynode_get(root, "severity")) != NULL) {
        if (n->kind != YN_MAP) {
            at(err, path, n, "'severity' must map rule ids to note, warning or error%s%s", "", "");
            goto out;
        }
        for (size_t i = 0; i + 1 < n->nkids; i += 2) {
            const struct ynode *v = n->kids[i + 1];
            enum severity s;
            if (!check_known(rs, path, n->kids[i], err))
                goto out;
            if (v->kind != YN_SCALAR || !severity_parse(v->value, &s)) {
                at(err, path, v, "invalid severity '%s'; valid: note, warning, error%s",
                   v->kind == YN_SCALAR ? v->value : "?", "");
                goto out;
            }
            rules_find(rs, n->kids[i]->value)->severity = s;
        }
    }
    ok = true;
out:
    ydoc_finish(&doc);
    return ok;
}

void rules_finish(struct ruleset *rs)
{
    if (rs == NULL)
        return;
    for (size_t i = 0; i < rs->n; i++)
        rule_free(&rs->v[i]);
    free(rs->v);
    memset(rs, 0, sizeof *rs);
}

/* UTF-16 units before byte `pos` of the last long line seen: findings on one line come in
 * column order (rule by rule), so counting on from the last one keeps the total linear. */
static _Thread_local struct {
    const char *line;
    size_t len, pos, units;
} u16_cache;

/* Match failures of this file, per pattern (rule): few rules fail, a small table will do. */
#define FAILED_MAX 32
static _Thread_local struct {
    const pcre2_code *re;
    unsigned n;
} failed[FAILED_MAX];

void rules_file_begin(void)
{
    memset(&u16_cache, 0, sizeof u16_cache);
    memset(failed, 0, sizeof failed);
}

/* PCRE2's defaults (10 million steps, a 20 MB heap) let one backtracking pattern take 45 s
 * on 82 KB; these keep one search to well under a second. */
#define MATCH_LIMIT 1000000
#define DEPTH_LIMIT 100000
/* Failures of one rule in one file before it stops there. */
#define FAILS_PER_FILE 8

void rules_limit_match(pcre2_match_context *mctx)
{
    if (mctx == NULL)
        return;
    pcre2_set_match_limit(mctx, MATCH_LIMIT);
    pcre2_set_depth_limit(mctx, DEPTH_LIMIT);
}

size_t rules_match_failed(struct worker *w, const pcre2_code *re, const char *s, size_t len,
                          size_t from, int rc)
{
    const struct rule *r = NULL;
    for (size_t i = 0; i < w->rs->n && r == NULL; i++)
        if (w->rs->v[i].re == re || w->rs->v[i].unless_re == re)
            r = &w->rs->v[i];
    size_t k = 0;
    while (k < FAILED_MAX && failed[k].re != NULL && failed[k].re != re)
        k++;
    unsigned n = 1;
    if (k < FAILED_MAX) {
        failed[k].re = re;
        n = ++failed[k].n;
    }
    const char *nl = from < len ? memchr(s + from, '\n', len - from) : NULL;
    size_t next = nl ? (size_t)(nl - s) + 1 : len + 1;
    if (n == 1 && r != NULL) {
        size_t line = 1, bol = 0;
        for (size_t i = 0; i < from && i < len; i++)
            if (s[i] == '\n')
                line++, bol = i + 1;
        PCRE2_UCHAR why[120];
        if (pcre2_get_error_message(rc, why, sizeof why) < 0)
            snprintf((char *)why, sizeof why, "PCRE2 error %d", rc);
        char *msg = xasprintf("the pattern of rule '%s' %s searching from here (%s): it "
                              "goes on from the next line, and stops in this file after %d "
                              "such failures",
                              r->id,
                              rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
                                      rc == PCRE2_ERROR_HEAPLIMIT
                                  ? "ran out of its step budget"
                                  : "failed",
                              (const char *)why, FAILS_PER_FILE);
        const char *text = w->src && w->len == len ? w->src + bol : s + bol;
        const char *eol = memchr(text, '\n', len - bol);
        fvec_add(&w->out, NULL, r->id, SEV_NOTE, w->path, (int)line, (int)(from - bol) + 1,
                 (int)line, (int)(from - bol) + 2, msg, text,
                 eol ? (size_t)(eol - text) : len - bol);
        free(msg);
    }
    return n >= FAILS_PER_FILE ? len + 1 : next;
}

static size_t u16_units_before(const char *line, size_t len, size_t from)
{
    if (u16_cache.line != line || u16_cache.len != len || u16_cache.pos > from)
        u16_cache.line = line, u16_cache.len = len, u16_cache.pos = 0, u16_cache.units = 0;
    for (size_t i = u16_cache.pos; i < from; i++) {
        unsigned char c = (unsigned char)line[i];
        if ((c & 0xC0) != 0x80)
            u16_cache.units += c >= 0xF0 ? 2 : 1;
    }
    u16_cache.pos = from;
    return u16_cache.units;
}

void finding_excerpt(struct finding *f, const char *line, size_t len)
{
    f->snippet_from = f->snippet_from_u16 = 0;
    f->snippet_more = false;
    if (line == NULL) {
        f->snippet = NULL;
        return;
    }
    size_t from = 0, to = len;
    if (len > SCAN_SNIPPET_MAX) {
        size_t a = f->col > 1 ? (size_t)f->col - 1 : 0;
        from = a > SCAN_SNIPPET_MAX / 4 ? a - SCAN_SNIPPET_MAX / 4 : 0;
        if (from > len)
            from = len;
        while (from > 0 && ((unsigned char)line[from] & 0xC0) == 0x80)
            from--; /* never cut a UTF-8 sequence */
        to = from + SCAN_SNIPPET_MAX < len ? from + SCAN_SNIPPET_MAX : len;
        while (to > from && to < len && ((unsigned char)line[to] & 0xC0) == 0x80)
            to--;
        f->snippet_from_u16 = (int)u16_units_before(line, len, from);
    }
    f->snippet = xstrndup(line + from, to - from);
    f->snippet_from = (int)from;
    f->snippet_more = to < len;
}
