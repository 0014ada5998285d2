/* YAML to a located node tree via libyaml's event API, with limits on depth and aliases. */
#include "lambda_advisor/ynode.h"
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/strmap.h"
#include "lambda_advisor/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct anchor {
    char *name;
    struct ynode *node;
    size_t weight; /* nodes it expands to */
};

struct builder {
    struct ydoc *doc;
    yaml_parser_t parser;
    struct anchor *anchors;
    size_t nanchors, capanchors;
    size_t aliases;
    size_t expanded; /* nodes that aliases stand for */
    struct la_error *err;
};

static struct ynode *node_new(struct builder *b, enum ynode_kind kind, const yaml_mark_t *m)
{
    struct ynode *n = xcalloc(1, sizeof *n);
    n->kind = kind;
    n->line = (int)m->line + 1;
    n->col = (int)m->column + 1;
    struct ydoc *d = b->doc;
    d->all = xgrow(d->all, &d->capall, d->nall + 1, sizeof *d->all);
    d->all[d->nall++] = n;
    return n;
}

static void node_add(struct ynode *parent, struct ynode *kid, size_t *cap)
{
    parent->kids = xgrow(parent->kids, cap, parent->nkids + 1, sizeof *parent->kids);
    parent->kids[parent->nkids++] = kid;
}

static bool fail_at(struct builder *b, const yaml_mark_t *m, const char *msg)
{
    return la_error_set(b->err, b->doc->file, (int)m->line + 1, (int)m->column + 1, "%s", msg);
}

static bool next_event(struct builder *b, yaml_event_t *ev)
{
    if (yaml_parser_parse(&b->parser, ev))
        return true;
    const yaml_parser_t *p = &b->parser;
    const yaml_mark_t *m =
        p->problem_mark.line || p->problem_mark.column ? &p->problem_mark : &p->context_mark;
    if (p->context)
        return la_error_set(b->err, b->doc->file, (int)m->line + 1, (int)m->column + 1,
                            "YAML syntax error: %s %s", p->problem ? p->problem : "error",
                            p->context);
    return la_error_set(b->err, b->doc->file, (int)m->line + 1, (int)m->column + 1,
                        "YAML syntax error: %s", p->problem ? p->problem : "invalid YAML");
}

static void remember_anchor(struct builder *b, const yaml_char_t *anchor, struct ynode *n,
                            size_t weight)
{
    if (anchor == NULL)
        return;
    b->anchors = xgrow(b->anchors, &b->capanchors, b->nanchors + 1, sizeof *b->anchors);
    b->anchors[b->nanchors++] = (struct anchor){xstrdup((const char *)anchor), n, weight};
}

/* Only what aliases stand for counts: a large document is fine, a billion laughs is not. */
static bool count_alias(struct builder *b, size_t weight, const yaml_mark_t *m)
{
    b->expanded += weight;
    if (b->expanded > YDOC_MAX_EXPANDED)
        return fail_at(b, m, "aliases expand to more than 100000 nodes (an alias bomb?)");
    return true;
}

/* The keys of one mapping being built, hashed, so that the duplicate check stays linear in
 * the number of keys (a scan over the earlier keys made 200k keys take a minute). */
struct keyset {
    const struct ynode **v; /* open addressing, cap a power of two */
    size_t n, cap;
};

static uint64_t key_hash(const struct ynode *k)
{
    return str_hash(k->value, k->len);
}

static bool same_key(const struct ynode *a, const struct ynode *b)
{
    return a->len == b->len && memcmp(a->value, b->value, a->len) == 0;
}

/* Adds a scalar key; returns false when an equal key is already there. */
static bool keyset_add(struct keyset *s, const struct ynode *key)
{
    if (key->kind != YN_SCALAR)
        return true;
    if ((s->n + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        const struct ynode **v = xcalloc(cap, sizeof *v);
        for (size_t i = 0; i < s->cap; i++) {
            if (s->v[i] == NULL)
                continue;
            size_t j = key_hash(s->v[i]) & (cap - 1);
            while (v[j])
                j = (j + 1) & (cap - 1);
            v[j] = s->v[i];
        }
        free(s->v);
        s->v = v;
        s->cap = cap;
    }
    size_t j = key_hash(key) & (s->cap - 1);
    for (; s->v[j]; j = (j + 1) & (s->cap - 1))
        if (same_key(s->v[j], key))
            return false;
    s->v[j] = key;
    s->n++;
    return true;
}

/* Builds the node that starts with ev (already read). *weight gets its expanded size. */
static bool build(struct builder *b, yaml_event_t *ev, int depth, struct ynode **out,
                  size_t *weight)
{
    if (depth > YDOC_MAX_DEPTH)
        return fail_at(b, &ev->start_mark, "nesting deeper than 64 levels");
    switch (ev->type) {
    case YAML_ALIAS_EVENT: {
        if (++b->aliases > YDOC_MAX_ALIASES)
            return fail_at(b, &ev->start_mark, "more than 1000 aliases");
        for (size_t i = b->nanchors; i-- > 0;) {
            if (strcmp(b->anchors[i].name, (const char *)ev->data.alias.anchor) == 0) {
                *out = b->anchors[i].node;
                *weight = b->anchors[i].weight;
                return count_alias(b, *weight, &ev->start_mark);
            }
        }
        char *msg = xasprintf("unknown alias '*%s'", (const char *)ev->data.alias.anchor);
        fail_at(b, &ev->start_mark, msg);
        free(msg);
        return false;
    }
    case YAML_SCALAR_EVENT: {
        struct ynode *n = node_new(b, YN_SCALAR, &ev->start_mark);
        n->value = xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
        n->len = ev->data.scalar.length;
        n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        if (ev->data.scalar.tag)
            n->tag = xstrdup((const char *)ev->data.scalar.tag);
        *out = n;
        *weight = 1;
        remember_anchor(b, ev->data.scalar.anchor, n, 1);
        return true;
    }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
        bool is_map = ev->type == YAML_MAPPING_START_EVENT;
        struct ynode *n = node_new(b, is_map ? YN_MAP : YN_SEQ, &ev->start_mark);
        const yaml_char_t *tag = is_map ? ev->data.mapping_start.tag : ev->data.sequence_start.tag;
        if (tag)
            n->tag = xstrdup((const char *)tag);
        char *anchor = NULL;
        const yaml_char_t *a =
            is_map ? ev->data.mapping_start.anchor : ev->data.sequence_start.anchor;
        if (a)
            anchor = xstrdup((const char *)a);
        yaml_event_type_t end = is_map ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
        size_t cap = 0, total = 1;
        struct keyset keys = {0};
        bool ok = true;
        while (ok) {
            yaml_event_t kid_ev;
            if (!next_event(b, &kid_ev)) {
                ok = false;
                break;
            }
            if (kid_ev.type == end) {
                yaml_event_delete(&kid_ev);
                break;
            }
            struct ynode *kid = NULL;
            size_t w = 0;
            ok = build(b, &kid_ev, depth + 1, &kid, &w);
            if (ok && is_map && (n->nkids % 2) == 0 && !keyset_add(&keys, kid)) {
                char *msg = xasprintf("duplicate key '%s'", kid->value);
                fail_at(b, &kid_ev.start_mark, msg);
                free(msg);
                ok = false;
            }
            yaml_event_delete(&kid_ev);
            if (ok) {
                node_add(n, kid, &cap);
                total += w;
            }
        }
        free(keys.v);
        if (ok && anchor)
            remember_anchor(b, (const yaml_char_t *)anchor, n, total);
        free(anchor);
        *out = n;
        *weight = total;
        return ok;
    }
    default:
        return fail_at(b, &ev->start_mark, "unexpected YAML event");
    }
}

bool ydoc_parse(struct ydoc *doc, const char *name, const char *buf, size_t len,
                struct la_error *err)
{
    memset(doc, 0, sizeof *doc);
    doc->file = name;
    struct builder b = {.doc = doc, .err = err};
    if (!yaml_parser_initialize(&b.parser))
        return la_error_set(err, name, 0, 0, "cannot initialise the YAML parser");
    yaml_parser_set_input_string(&b.parser, (const unsigned char *)buf, len);
    bool ok = true, done = false;
    while (ok && !done) {
        yaml_event_t ev;
        if (!next_event(&b, &ev)) {
            ok = false;
            break;
        }
        switch (ev.type) {
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
            break;
        case YAML_STREAM_END_EVENT:
        case YAML_DOCUMENT_END_EVENT:
            done = true;
            break;
        default: {
            size_t w;
            ok = build(&b, &ev, 1, &doc->root, &w);
            break;
        }
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&b.parser);
    for (size_t i = 0; i < b.nanchors; i++)
        free(b.anchors[i].name);
    free(b.anchors);
    if (!ok) {
        ydoc_finish(doc);
        doc->file = name;
    }
    return ok;
}

bool ydoc_load_file(struct ydoc *doc, const char *path, size_t max, struct la_error *err)
{
    char *buf;
    size_t len;
    memset(doc, 0, sizeof *doc);
    if (!file_read_all(path, max, &buf, &len, err))
        return false;
    bool ok = ydoc_parse(doc, path, buf, len, err);
    free(buf);
    return ok;
}

void ydoc_finish(struct ydoc *doc)
{
    for (size_t i = 0; i < doc->nall; i++) {
        free(doc->all[i]->value);
        free(doc->all[i]->tag);
        free(doc->all[i]->kids);
        free(doc->all[i]);
    }
    free(doc->all);
    memset(doc, 0, sizeof *doc);
}

struct ynode *ynode_get(const struct ynode *m, const char *key)
{
    if (m == NULL || m->kind != YN_MAP)
        return NULL;
    for (size_t i = 0; i + 1 < m->nkids; i += 2)
        if (m->kids[i]->kind == YN_SCALAR && strcmp(m->kids[i]->value, key) == 0)
            return m->kids[i + 1];
    return NULL;
}

const char *ynode_kind_name(enum ynode_kind k)
{
    return k == YN_SCALAR ? "a scalar" : k == YN_SEQ ? "a list" : "a mapping";
}
