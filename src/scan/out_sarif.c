/* The SARIF 2.1.0 report, shaped for GitHub code scanning: every rule with help text, a
 * stable partialFingerprints per result, columns in UTF-16 code units (columnKind). */
#include "la_config.h"
#include "lambda_advisor/rules.h"
#include "lambda_advisor/scan_out.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SUPPRESSION_ID "unused-suppression"

static const char *level(enum severity s)
{
    return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}

/* UTF-16 code units in the first `bytes` bytes of a UTF-8 line. */
static int utf16_col(const struct finding *f, int col)
{
    const char *s = f->snippet;
    if (s == NULL || col < 1)
        return col;
    if (col - 1 < f->snippet_from) /* before a long line's excerpt: not expected */
        return col;
    /* the excerpt of a long line starts snippet_from bytes in */
    size_t n = strlen(s), bytes = (size_t)(col - 1 - f->snippet_from),
           units = (size_t)f->snippet_from_u16;
    size_t i = 0;
    for (; i < bytes && i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) == 0x80)
            continue;
        units += c >= 0xF0 ? 2 : 1;
    }
    return (int)(units + (bytes - i) + 1);
}

static void add_uri(struct strbuf *sb, const char *path)
{
    struct strbuf u = STRBUF_INIT;
    if (path[0] == '/')
        sb_adds(&u, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p))
            sb_addc(&u, (char)*p);
        else
            sb_addf(&u, "%%%02X", *p);
    }
    sb_add_json_str(sb, sb_str(&u));
    sb_finish(&u);
}

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* A hash of the rule, the file and the line's text without its whitespace: stable when
 * lines move; an occurrence counter tells identical lines apart. */
static uint64_t line_hash(const struct finding *f)
{
    uint64_t h = 14695981039346656037ull;
    h = fnv(h, f->rule, strlen(f->rule) + 1);
    h = fnv(h, f->path, strlen(f->path) + 1);
    if (f->snippet)
        for (const char *p = f->snippet; *p; p++)
            if (*p != ' ' && *p != '\t' && *p != '\r')
                h = fnv(h, p, 1);
    return h;
}

struct hash_at {
    uint64_t h;
    size_t i;
};

static int cmp_hash_at(const void *a, const void *b)
{
    const struct hash_at *x = a, *y = b;
    if (x->h != y->h)
        return x->h < y->h ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

static void add_rule(struct strbuf *sb, const struct rule *r, const char *id)
{
    sb_adds(sb, "        {\"id\": ");
    sb_add_json_str(sb, id);
    if (r == NULL) {
        sb_adds(sb, ", \"name\": \"UnusedSuppression\", \"shortDescription\": {\"text\": "
                    "\"A lambda-advisor suppression comment that silences nothing\"}, "
                    "\"fullDescription\": {\"text\": \"A `// lambda-advisor: allow(rule-id)` "
                    "comment that matched no finding, names an unknown rule, or is malformed.\"}, "
                    "\"help\": {\"text\": \"Remove the comment, or fix the rule id it names.\", "
                    "\"markdown\": \"Remove the comment, or fix the rule id it names.\"}, "
                    "\"defaultConfiguration\": {\"level\": \"note\"}}");
        return;
    }
    /* name: the id in UpperCamelCase */
    char *name = xmalloc(strlen(id) + 1);
    size_t k = 0;
    for (const char *p = id; *p; p++) {
        if (*p == '-')
            continue;
        bool up = p == id || p[-1] == '-';
        name[k++] = up && *p >= 'a' && *p <= 'z' ? (char)(*p - 32) : *p;
    }
    name[k] = '\0';
    sb_adds(sb, ", \"name\": ");
    sb_add_json_str(sb, name);
    free(name);
    sb_adds(sb, ", \"shortDescription\": {\"text\": ");
    sb_add_json_str(sb, r->title ? r->title : r->message);
    sb_adds(sb, "}, \"fullDescription\": {\"text\": ");
    sb_add_json_str(sb, r->message);
    struct strbuf h = STRBUF_INIT, md = STRBUF_INIT;
    sb_adds(&h, r->help ? r->help : r->message);
    sb_adds(&md, r->help ? r->help : r->message);
    if (r->fix) {
        sb_addf(&h, "\n\nFix:\n%s", r->fix);
        sb_addf(&md, "\n\n**Fix**\n\n```\n%s\n```", r->fix);
    }
    if (r->recommendation) {
        sb_addf(&h, "\n\nSee the advice: lambda-advisor recommendation '%s'.", r->recommendation);
        sb_addf(&md, "\n\nSee the advice: recommendation `%s` (`lambda-advisor advise`).",
                r->recommendation);
    }
    sb_adds(sb, "}, \"help\": {\"text\": ");
    sb_add_json_str(sb, sb_str(&h));
    sb_adds(sb, ", \"markdown\": ");
    sb_add_json_str(sb, sb_str(&md));
    sb_finish(&h);
    sb_finish(&md);
    sb_addf(sb, "}, \"defaultConfiguration\": {\"level\": \"%s\"}", level(r->severity));
    sb_adds(sb, ", \"properties\": {\"tags\": [\"aws-lambda\", \"rust\"]");
    if (r->recommendation) {
        sb_adds(sb, ", \"recommendation\": ");
        sb_add_json_str(sb, r->recommendation);
    }
    sb_adds(sb, "}}");
}

char *scan_out_sarif(const struct scan_result *r, size_t *len)
{
    /* the rule table: every enabled rule, then any other id a finding uses */
    size_t cap = 0, n = 0;
    const char **ids = NULL;
    const struct rule **rp = NULL;
    size_t caprp = 0;
    if (r->rules) {
        for (size_t i = 0; i < r->rules->n; i++) {
            const struct rule *x = &r->rules->v[i];
            if (x->disabled)
                continue;
            ids = xgrow(ids, &cap, n + 1, sizeof *ids);
            rp = xgrow(rp, &caprp, n + 1, sizeof *rp);
            ids[n] = x->id;
            rp[n++] = x;
        }
    }
    size_t *index = xcalloc(r->n + 1, sizeof *index);
    for (size_t i = 0; i < r->n; i++) {
        size_t k = 0;
        while (k < n && strcmp(ids[k], r->v[i].rule) != 0)
            k++;
        if (k == n) {
            ids = xgrow(ids, &cap, n + 1, sizeof *ids);
            rp = xgrow(rp, &caprp, n + 1, sizeof *rp);
            ids[n] = r->v[i].rule;
            rp[n++] = NULL;
        }
        index[i] = k;
    }
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                 "  \"version\": \"2.1.0\",\n  \"runs\": [{\n    \"tool\": {\"driver\": {\n"
                 "      \"name\": \"lambda-advisor\",\n      \"version\": \"" LA_VERSION "\",\n"
                 "      \"semanticVersion\": \"" LA_VERSION "\",\n      \"rules\": [\n");
    for (size_t k = 0; k < n; k++) {
        if (rp[k] == NULL && strcmp(ids[k], SUPPRESSION_ID) != 0) {
            sb_adds(&sb, "        {\"id\": ");
            sb_add_json_str(&sb, ids[k]);
            sb_adds(&sb, ", \"shortDescription\": {\"text\": ");
            sb_add_json_str(&sb, ids[k]);
            sb_adds(&sb, "}, \"help\": {\"text\": ");
            sb_add_json_str(&sb, ids[k]);
            sb_adds(&sb, "}}");
        } else {
            add_rule(&sb, rp[k], ids[k]);
        }
        sb_adds(&sb, k + 1 < n ? ",\n" : "\n");
    }
    sb_adds(&sb, "      ]\n    }},\n    \"columnKind\": \"utf16CodeUnits\",\n"
                 "    \"results\": [");
    /* occurrence i of a hash = earlier findings with the same hash: sorted, not counted
     * pairwise (80k findings on one line made that quadratic) */
    struct hash_at *hashes = xcalloc(r->n + 1, sizeof *hashes);
    size_t *occs = xcalloc(r->n + 1, sizeof *occs);
    for (size_t i = 0; i < r->n; i++)
        hashes[i] = (struct hash_at){line_hash(&r->v[i]), i};
    qsort(hashes, r->n, sizeof *hashes, cmp_hash_at);
    for (size_t i = 0; i < r->n; i++)
        occs[hashes[i].i] = i > 0 && hashes[i - 1].h == hashes[i].h ? occs[hashes[i - 1].i] + 1 : 1;
    for (size_t i = 0; i < r->n; i++) {
        const struct finding *f = &r->v[i];
        size_t occ = occs[i];
        sb_adds(&sb, i ? ",\n      {" : "\n      {");
        sb_adds(&sb, "\"ruleId\": ");
        sb_add_json_str(&sb, f->rule);
        sb_addf(&sb, ", \"ruleIndex\": %zu, \"level\": \"%s\", \"message\": {\"text\": ", index[i],
                level(f->severity));
        sb_add_json_str(&sb, f->message);
        sb_adds(&sb, "},\n       \"locations\": [{\"physicalLocation\": {\"artifactLocation\": "
                     "{\"uri\": ");
        add_uri(&sb, f->path);
        sb_addf(&sb, "}, \"region\": {\"startLine\": %d, \"startColumn\": %d", f->line,
                utf16_col(f, f->col));
        if (f->end_line == f->line && f->end_col > f->col)
            sb_addf(&sb, ", \"endLine\": %d, \"endColumn\": %d", f->end_line,
                    utf16_col(f, f->end_col));
        else if (f->end_line > f->line)
            sb_addf(&sb, ", \"endLine\": %d", f->end_line); /* to the end of that line */
        if (f->snippet) {
            sb_adds(&sb, ", \"snippet\": {\"text\": ");
            sb_add_json_str(&sb, f->snippet);
            sb_adds(&sb, "}");
        }
        sb_adds(&sb, "}}}]");
        /* the other lines of the same pitfall (the other clients one handler builds) */
        for (size_t k = 0; k < f->nrelated; k++) {
            sb_adds(&sb, k ? ",\n         {" : ",\n       \"relatedLocations\": [{");
            sb_addf(&sb,
                    "\"id\": %zu, \"physicalLocation\": {\"artifactLocation\": {\"uri\": ", k + 1);
            add_uri(&sb, f->path);
            sb_addf(&sb,
                    "}, \"region\": {\"startLine\": %d}}, \"message\": {\"text\": "
                    "\"the same pitfall, in the same function\"}}",
                    f->related[k]);
            if (k + 1 == f->nrelated)
                sb_adds(&sb, "]");
        }
        sb_addf(&sb,
                ",\n       \"partialFingerprints\": {\"primaryLocationLineHash\": "
                "\"%016llx:%zu\"}}",
                (unsigned long long)line_hash(f), occ);
    }
    sb_adds(&sb, r->n ? "\n    ]\n  }]\n}\n" : "]\n  }]\n}\n");
    free(hashes);
    free(occs);
    free(index);
    free(ids);
    free(rp);
    *len = sb.len;
    return sb_detach(&sb);
}
