/* An exhaustive walk of the shipped tree: every combination of choice and yes/no answers,
 * every subset of goals, and the number answers at their edges and at the thresholds that
 * change the advice. Every path must give a pattern and settings that follow the rules an
 * expert signs (memory, rayon, timeout, event-source limits), and every number the prose
 * states must be one of the computed settings (or a documented fact, written with its
 * thousands separator so that it cannot pass for a computed value).
 *
 * Rendering every text on every path would take minutes, so each text (a setting's why,
 * a recommendation's body) is rendered once per distinct combination of the values it
 * refers to: a text's output depends only on those values, so checking each combination
 * once checks every path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "lambda_advisor/project.h"
#include "lambda_advisor/report.h"
#include "lambda_advisor/template.h"
#include "lambda_advisor/xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
/* The second pass of scripts/test (ASan + UBSan, a debug build, several times slower) walks
 * a coarser grid: the same code on fewer numbers, each threshold's sides being the plain
 * build's job. Both sides of 1,769 MB and of the APIs' limits stay in it. */
static const long memory_points[] = {128, 1770, 10240};
static const long duration_points[] = {1000, 31000, 600000};
#else
static const long memory_points[] = {128, 1592, 1769, 1770, 3008, 3538, 10240};
static const long duration_points[] = {1, 1000, 3334, 19334, 28000, 29001, 31000, 600000, 900000};
#endif
/* A pipeline's CPU share only scales its expected duration: its two ends are enough. */
static const long share_points[] = {1, 100};

/* ---- the texts and the values they refer to ---- */

struct tref {
    bool setting;
    size_t idx;
};

struct text {
    const char *src, *name;
    struct tref *refs;
    size_t nrefs;
    const struct setting *setting; /* a setting's why; NULL for a recommendation */
};

struct walk {
    struct tree *t;
    size_t paths;
    size_t by_pattern[5];
    size_t reports;
    struct text *texts; /* setting rules' whys, then recommendations, by index */
    size_t ntexts;
    size_t *why_text; /* first text index of each setting's rules (SIZE_MAX: none) */
    size_t rec_text;  /* text index of recommendation 0 */
    uint64_t *seen;   /* open-addressing set of rendered combinations (0 = empty) */
    size_t nseen, capseen;
    size_t rendered;
};

static const char *const patterns[] = {"async-concurrent", "async-sequential", "spawn-blocking",
                                       "spawn-blocking-rayon", "mixed-pipeline"};

static void add_ref(const struct tree *t, struct text *x, const char *name, size_t len)
{
    char buf[128];
    if (len == 0 || len >= sizeof buf)
        return;
    memcpy(buf, name, len);
    buf[len] = '\0';
    bool answer = strncmp(buf, "answer.", 7) == 0;
    char *id = answer ? buf + 7 : buf;
    char *dot = strchr(id, '.');
    if (dot)
        *dot = '\0'; /* ID.VALUE and ID.label depend on ID's value */
    struct tref r = {false, 0};
    const struct setting *s = answer ? NULL : tree_setting(t, id);
    const struct question *q = tree_question(t, id);
    if (s) {
        r.setting = true;
        r.idx = (size_t)(s - t->settings);
    } else if (q) {
        r.idx = (size_t)(q - t->questions);
    } else {
        fail_msg("%s refers to unknown name %s", x->name, buf);
    }
    for (size_t i = 0; i < x->nrefs; i++)
        if (x->refs[i].setting == r.setting && x->refs[i].idx == r.idx)
            return;
    x->refs = xrealloc(x->refs, (x->nrefs + 1) * sizeof *x->refs);
    x->refs[x->nrefs++] = r;
}

static void text_init(const struct tree *t, struct text *x, const char *src, const char *name,
                      const struct setting *s)
{
    memset(x, 0, sizeof *x);
    x->src = src;
    x->name = name;
    x->setting = s;
    for (const char *p = src; (p = strstr(p, "{{")) != NULL;) {
        p += 2;
        while (*p == '#' || *p == '^' || *p == '/' || *p == ' ')
            p++;
        const char *end = strstr(p, "}}");
        if (end == NULL)
            break;
        size_t n = (size_t)(end - p);
        while (n && p[n - 1] == ' ')
            n--;
        add_ref(t, x, p, n);
        p = end + 2;
    }
}

static void texts_init(struct walk *w)
{
    const struct tree *t = w->t;
    size_t n = t->nrecs;
    for (size_t i = 0; i < t->nsettings; i++)
        n += t->settings[i].nrules;
    w->texts = xcalloc(n + 1, sizeof *w->texts);
    w->why_text = xcalloc(t->nsettings + 1, sizeof *w->why_text);
    for (size_t i = 0; i < t->nsettings; i++) {
        const struct setting *s = &t->settings[i];
        w->why_text[i] = w->ntexts;
        for (size_t r = 0; r < s->nrules; r++)
            text_init(t, &w->texts[w->ntexts++], s->rules[r].why ? s->rules[r].why : "", s->id, s);
    }
    w->rec_text = w->ntexts;
    for (size_t i = 0; i < t->nrecs; i++)
        text_init(t, &w->texts[w->ntexts++], t->recs[i].body, t->recs[i].id, NULL);
}

static void texts_finish(struct walk *w)
{
    for (size_t i = 0; i < w->ntexts; i++)
        free(w->texts[i].refs);
    free(w->texts);
    free(w->why_text);
    free(w->seen);
}

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h * 0x100000001b3ULL;
}

/* True the first time this text meets this combination of the values it refers to. */
static bool first_time(struct walk *w, size_t ti, const struct engine *e, const struct advice *adv)
{
    const struct text *x = &w->texts[ti];
    uint64_t h = mix(0xcbf29ce484222325ULL, ti);
    for (size_t i = 0; i < x->nrefs; i++) {
        const struct value *v;
        if (x->refs[i].setting) {
            v = &adv->settings[x->refs[i].idx];
        } else {
            v = &e->answers[x->refs[i].idx];
            h = mix(h, v->set);
        }
        h = mix(h, (uint64_t)v->num);
        h = mix(h, (uint64_t)v->choice);
        h = mix(h, v->mask);
    }
    h |= 1; /* 0 marks an empty slot */
    if (2 * (w->nseen + 1) > w->capseen) {
        size_t cap = w->capseen ? 2 * w->capseen : 1 << 16;
        uint64_t *seen = xcalloc(cap, sizeof *seen);
        for (size_t i = 0; i < w->capseen; i++)
            if (w->seen[i]) {
                size_t k = (size_t)(w->seen[i] % cap);
                while (seen[k])
                    k = (k + 1) % cap;
                seen[k] = w->seen[i];
            }
        free(w->seen);
        w->seen = seen;
        w->capseen = cap;
    }
    size_t k = (size_t)(h % w->capseen);
    while (w->seen[k]) {
        if (w->seen[k] == h)
            return false;
        k = (k + 1) % w->capseen;
    }
    w->seen[k] = h;
    w->nseen++;
    return true;
}

/* ---- what a path must satisfy ---- */

/* The values a path's prose may state. -1: not part of this path's advice. */
struct pathvals {
    long mem, amem, duration, expected, timeout, worker, vis, wvis, batch, limit, call;
    char rayon_x[48], cpu_x[48]; /* speed-ups as printed ("1.7"), "" when not advised */
};

/* Lookups by id, cached by the id's address (the callers pass literals): the walk makes
 * dozens per path, and strcmp over the tree's ids was a fifth of its time. */
struct idcache {
    const char *id;
    const void *hit;
};

static const void *cached(struct idcache *c, size_t n, const char *id,
                          const void *(*find)(const char *))
{
    for (size_t i = 0; i < n && c[i].id; i++)
        if (c[i].id == id)
            return c[i].hit;
    const void *hit = find(id);
    for (size_t i = 0; i < n; i++)
        if (c[i].id == NULL) {
            c[i].id = id;
            c[i].hit = hit;
            break;
        }
    return hit;
}

static const struct tree *the_tree;

static const void *find_question(const char *id)
{
    return tree_question(the_tree, id);
}

static const void *find_setting(const char *id)
{
    return tree_setting(the_tree, id);
}

static const void *find_rec(const char *id)
{
    for (size_t i = 0; i < the_tree->nrecs; i++)
        if (strcmp(the_tree->recs[i].id, id) == 0)
            return &the_tree->recs[i];
    return NULL;
}

static const struct question *question_of(const struct tree *t, const char *id)
{
    static struct idcache c[32];
    assert_ptr_equal(t, the_tree);
    return cached(c, 32, id, find_question);
}

static const struct setting *setting_of(const struct tree *t, const char *id)
{
    static struct idcache c[32];
    assert_ptr_equal(t, the_tree);
    return cached(c, 32, id, find_setting);
}

static const char *setting_str(const struct advice *adv, const char *id)
{
    return adv->setting_text[setting_of(adv->tree, id) - adv->tree->settings];
}

static long setting_num(const struct advice *adv, const char *id)
{
    return adv->settings[setting_of(adv->tree, id) - adv->tree->settings].num;
}

static const char *answer_of(const struct engine *e, const char *id)
{
    const struct question *q = question_of(e->tree, id);
    size_t qi = (size_t)(q - e->tree->questions);
    if (!e->answers[qi].set)
        return NULL;
    return q->choices[e->answers[qi].choice].value;
}

static bool answer_is(const struct engine *e, const char *id, const char *value)
{
    const char *a = answer_of(e, id);
    return a && strcmp(a, value) == 0;
}

static long num_of(const struct engine *e, const char *id)
{
    const struct question *q = question_of(e->tree, id);
    return e->answers[q - e->tree->questions].num;
}

static bool has_goal(const struct engine *e, const char *goal)
{
    const struct question *q = question_of(e->tree, "goals");
    return (e->answers[q - e->tree->questions].mask >> question_choice(q, goal)) & 1;
}

static long setting_or(const struct advice *adv, const char *id, long none)
{
    size_t i = (size_t)(setting_of(adv->tree, id) - adv->tree->settings);
    return adv->setting_shown[i] ? adv->settings[i].num : none;
}

static bool has_rec(const struct advice *adv, const char *id)
{
    static struct idcache c[16];
    const struct recommendation *r = cached(c, 16, id, find_rec);
    assert_non_null(r);
    for (size_t i = 0; i < adv->nrecs; i++)
        if (adv->recs[i] == r)
            return true;
    return false;
}

static long ceil_div(long a, long b)
{
    return (a + b - 1) / b;
}

/* 1.5 × the duration, in whole seconds rounded up, at least 5 s: the uncapped timeout. */
static long headroom_s(long ms)
{
    long s = ceil_div(ms * 3, 2000);
    return s < 5 ? 5 : s;
}

static long min_l(long a, long b)
{
    return a < b ? a : b;
}

/* Facts the prose may state, as written (with thousands separators). */
static bool is_fact(const char *num, const char *unit)
{
    static const char *const mb[] = {"1",     "6",     "128",    "200",   "256",   "512",
                                     "1,536", "1,769", "3,008",  "3,009", "3,538", "5,308",
                                     "7,077", "8,846", "10,240", NULL};
    static const char *const s[] = {"1",  "3",  "5",   "10",  "11.7", "1.47",
                                    "29", "30", "300", "900", NULL};
    const char *const *list = strcmp(unit, "MB") == 0 ? mb : strcmp(unit, "s") == 0 ? s : NULL;
    for (size_t i = 0; list && list[i]; i++)
        if (strcmp(list[i], num) == 0)
            return true;
    return false;
}

/* Every "<number> MB|ms|s" and "<number>×" in a rendered text is a computed value of this
 * path or a fact; and the phrases that tie a number to a setting state that setting. */
static void check_numbers(const char *text, const char *name, const struct pathvals *pv)
{
    for (const char *p = text; *p; p++) {
        if (!isdigit((unsigned char)*p) ||
            (p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '.' || p[-1] == ',' ||
                          p[-1] == '_' || p[-1] == '-')))
            continue;
        char num[32];
        size_t n = 0;
        const char *q = p;
        while (n + 1 < sizeof num && (isdigit((unsigned char)*q) ||
                                      ((*q == ',' || *q == '.') && isdigit((unsigned char)q[1])))) {
            num[n++] = *q++;
        }
        num[n] = '\0';
        const char *u = q;
        const char *unit = NULL;
        if (strncmp(u, "\xc3\x97", 2) == 0)
            unit = "x";
        else {
            if (*u == ' ')
                u++;
            if (strncmp(u, "MB", 2) == 0 && !isalnum((unsigned char)u[2]))
                unit = "MB";
            else if (strncmp(u, "ms", 2) == 0 && !isalnum((unsigned char)u[2]))
                unit = "ms";
            else if (*u == 's' && !isalnum((unsigned char)u[1]) && u[1] != '`')
                unit = "s";
        }
        p = q - 1;
        if (unit == NULL)
            continue;
        bool comma = strchr(num, ',') != NULL;
        long v = strchr(num, '.') ? -1 : strtol(num, NULL, 10);
        bool ok = is_fact(num, unit);
        if (!comma && strcmp(unit, "MB") == 0)
            ok = ok || v == pv->mem || v == pv->amem;
        else if (!comma && strcmp(unit, "ms") == 0)
            ok = ok || v == pv->duration || v == pv->expected;
        else if (!comma && strcmp(unit, "s") == 0)
            ok = ok || (v >= 0 && (v == pv->timeout || v == pv->worker || v == pv->vis ||
                                   v == pv->wvis || v == pv->call));
        else if (strcmp(unit, "x") == 0)
            ok = (pv->rayon_x[0] && strcmp(num, pv->rayon_x) == 0) ||
                 (pv->cpu_x[0] && strcmp(num, pv->cpu_x) == 0) ||
                 ((strcmp(num, "1.7") == 0 || strcmp(num, "2") == 0) &&
                  strncmp(q + 2, " at ", 4) == 0);
        if (!ok)
            fail_msg("%s states %s %s, which is neither a setting of this path (memory %ld, "
                     "answer %ld, timeout %ld, expected %ld ms) nor a known fact:\n%s",
                     name, num, unit, pv->mem, pv->amem, pv->timeout, pv->expected, text);
    }
    const char *m;
    if ((m = strstr(text, "The advice uses ")) != NULL && strtol(m + 16, NULL, 10) != pv->mem)
        fail_msg("%s: '%.30s' but memory is %ld", name, m, pv->mem);
    for (m = text; (m = strstr(m, "6 × ")) != NULL; m += 4) {
        long t = strtol(m + 4, NULL, 10);
        if (t != pv->timeout && t != pv->worker)
            fail_msg("%s: '%.30s' but the timeout is %ld", name, m, pv->timeout);
    }
    if (strstr(text, "ept at your"))
        fail_msg("%s: 'kept at your' is gone: memory is never kept below what the work needs",
                 name);
}

/* Checks a setting's why or a recommendation's body, once per combination of its values. */
static void check_text(struct walk *w, size_t ti, const struct engine *e, const struct advice *adv,
                       struct tctx **ctx, const struct pathvals *pv)
{
    const struct text *x = &w->texts[ti];
    if (x->src[0] == '\0' || !first_time(w, ti, e, adv))
        return;
    if (*ctx == NULL)
        *ctx = advice_context(e, adv);
    struct strbuf out = STRBUF_INIT;
    struct la_error err = LA_ERROR_INIT;
    if (!template_render(x->src, strlen(x->src), x->name, *ctx, NULL, NULL, &out, &err))
        fail_msg("%s: %s", x->name, err.msg);
    /* Markdown joins lines: compare the text as a reader sees it. */
    for (size_t i = 0; i < out.len; i++)
        if (out.s[i] == '\n')
            out.s[i] = ' ';
    const char *s = sb_str(&out);
    assert_null(strstr(s, "{{"));
    check_numbers(s, x->name, pv);
    if (x->setting && strcmp(x->setting->id, "memory_mb") == 0) {
        if (strncmp(s, "Raised from your ", 17) == 0) {
            if (!(pv->mem > pv->amem && strtol(s + 17, NULL, 10) == pv->amem))
                fail_msg("memory %ld from %ld: %s", pv->mem, pv->amem, s);
        } else if (strncmp(s, "Your answer.", 12) == 0) {
            assert_int_equal(pv->mem, pv->amem);
        } else {
            fail_msg("memory: neither raised nor the answer: %s", s);
        }
    }
    if (strstr(s, "plus 50% headroom") && x->setting) {
        long t = strcmp(x->setting->id, "worker_timeout_s") == 0 ? pv->worker : pv->timeout;
        if (t != headroom_s(pv->expected))
            fail_msg("%s: 'plus 50%% headroom' but %ld s for %ld ms: %s", x->name, t, pv->expected,
                     s);
    }
    sb_finish(&out);
    la_error_finish(&err);
    w->rendered++;
}

static void check_path(struct walk *w, const struct engine *e)
{
    struct advice adv;
    advice_compute(&adv, e);
    const char *pattern = setting_str(&adv, "pattern");
    const char *arch = setting_str(&adv, "architecture");
    const char *rayon = setting_str(&adv, "rayon");
    struct pathvals pv = {
        .mem = setting_num(&adv, "memory_mb"),
        .amem = num_of(e, "memory_mb"),
        .duration = num_of(e, "duration_ms"),
        .expected = setting_num(&adv, "expected_ms"),
        .timeout = setting_num(&adv, "timeout_s"),
        .worker = setting_or(&adv, "worker_timeout_s", -1),
        .vis = setting_or(&adv, "sqs_visibility_timeout_s", -1),
        .wvis = setting_or(&adv, "worker_visibility_timeout_s", -1),
        .batch = setting_or(&adv, "sqs_batch_size", -1),
        .limit = setting_or(&adv, "concurrency_limit", -1),
        .call = setting_num(&adv, "call_timeout_s"),
    };
    const char *workload = answer_of(e, "workload");
    const char *source = answer_of(e, "event_source");
    bool cpu = strcmp(workload, "io") != 0;
    bool collection = answer_is(e, "cpu_shape", "collection");
    bool rest = strcmp(source, "api_gateway_rest") == 0, http = strcmp(source, "http") == 0;
    size_t p;
    for (p = 0; p < 5; p++)
        if (strcmp(pattern, patterns[p]) == 0)
            break;
    assert_true(p < 5);
    w->by_pattern[p]++;
    w->paths++;

    /* memory: within Lambda's range, never lowered; CPU-bound work gets a full vCPU
     * (1,769 MB) whatever the goal, and a collection wanted fast gets two (3,538 MB) */
    assert_in_range(pv.mem, 128, 10240);
    assert_true(pv.mem >= pv.amem);
    if (cpu)
        assert_true(pv.mem >= 1769);
    if (collection && (has_goal(e, "latency") || has_goal(e, "throughput")))
        assert_true(pv.mem >= 3538);
    if (pv.mem > pv.amem)
        assert_true(cpu);
    /* rayon exactly when the items are independent and there is more than one vCPU of
     * credit, i.e. above 1,769 MB (3,008 MB with a cost goal included) */
    if (cpu)
        assert_int_equal(strcmp(rayon, "yes") == 0, collection && pv.mem > 1769);
    assert_int_equal(strcmp(pattern, "spawn-blocking-rayon") == 0,
                     strcmp(workload, "cpu") == 0 && collection && pv.mem > 1769);
    if (strcmp(rayon, "yes") == 0 && cpu)
        snprintf(pv.rayon_x, sizeof pv.rayon_x, "%ld.%ld", (pv.mem * 20 + 1769) / 3538 / 10,
                 (pv.mem * 20 + 1769) / 3538 % 10);
    if (pv.rayon_x[0])
        assert_string_equal(setting_str(&adv, "rayon_speedup"), pv.rayon_x);
    if (cpu && pv.mem > pv.amem) {
        long cap = strcmp(rayon, "yes") == 0 ? 10240 : 1769;
        long x10 = (min_l(pv.mem, cap) * 20 + min_l(pv.amem, cap)) / (2 * min_l(pv.amem, cap));
        if (x10 > 10)
            snprintf(pv.cpu_x, sizeof pv.cpu_x, "%ld.%ld", x10 / 10, x10 % 10);
        /* the expected duration scales by the CPU ratio for CPU work; a pipeline's I/O
         * stages do not get faster: only its CPU share (cpu_share_pct) is scaled */
        long want = pv.duration;
        if (x10 > 10 && strcmp(workload, "cpu") == 0)
            want = ceil_div(pv.duration * min_l(pv.amem, cap), min_l(pv.mem, cap));
        else if (x10 > 10) {
            long share = num_of(e, "cpu_share_pct");
            want = ceil_div(pv.duration * (100 - share), 100) +
                   ceil_div(pv.duration * share * min_l(pv.amem, cap), 100 * min_l(pv.mem, cap));
        }
        assert_int_equal(pv.expected, want);
    } else {
        assert_int_equal(pv.expected, pv.duration);
    }
    if (pv.cpu_x[0])
        assert_string_equal(setting_str(&adv, "cpu_speedup"), pv.cpu_x);

    /* timeout: the expected duration plus 50% (at least 5 s), capped at the event source's
     * limit (REST 29 s, HTTP API 30 s) and Lambda's 900 s; over an API's limit the work moves
     * to a worker behind a queue, which gets the uncapped timeout */
    long limit = rest ? 29 : http ? 30 : 900;
    assert_int_equal(pv.timeout, min_l(limit, headroom_s(pv.expected)));
    bool over = (rest && pv.expected > 29000) || (http && pv.expected > 30000);
    assert_int_equal(pv.worker >= 0, over);
    assert_int_equal(has_rec(&adv, "rest-duration-over-limit"), rest && pv.expected > 29000);
    assert_int_equal(has_rec(&adv, "http-duration-over-limit"), http && pv.expected > 30000);
    if (over) {
        assert_int_equal(pv.worker, min_l(900, headroom_s(pv.expected)));
        assert_int_equal(pv.wvis, 6 * pv.worker);
    } else {
        assert_true(pv.timeout * 1000 >= pv.expected);
    }
    assert_int_equal(has_rec(&adv, "near-max-duration"), pv.expected > 600000);
    /* every outgoing call gets a timeout shorter than the function's */
    assert_true(pv.call >= 1 && (pv.call < pv.timeout || pv.timeout == 1));
    if (strcmp(source, "sqs") == 0) {
        assert_int_equal(pv.vis, 6 * pv.timeout);
        assert_int_equal(pv.batch,
                         pv.expected > 60000 || answer_is(e, "batch_failures", "no") ? 1 : 10);
    }
    /* architecture: x86_64 exactly when x86-only native libraries are needed */
    assert_int_equal(strcmp(arch, "x86_64") == 0, answer_is(e, "native_deps", "yes"));
    /* the pattern fits the workload */
    if (strcmp(workload, "io") == 0) {
        assert_true(strncmp(pattern, "async-", 6) == 0);
        assert_int_equal(strcmp(pattern, "async-concurrent") == 0,
                         answer_is(e, "io_shape", "fan_out"));
    } else if (strcmp(workload, "cpu") == 0) {
        assert_true(strncmp(pattern, "spawn-blocking", 14) == 0);
        if (answer_is(e, "cpu_shape", "single_task"))
            assert_string_equal(pattern, "spawn-blocking");
    } else {
        assert_string_equal(pattern, "mixed-pipeline");
    }

    /* the prose: every shown setting's why and every recommendation */
    struct tctx *ctx = NULL;
    const struct tree *t = e->tree;
    for (size_t i = 0; i < t->nsettings; i++)
        if (adv.setting_shown[i] || strcmp(t->settings[i].id, "pattern") == 0)
            check_text(w, w->why_text[i] + adv.setting_rule[i], e, &adv, &ctx, &pv);
    for (size_t i = 0; i < adv.nrecs; i++) {
        assert_true(adv.recs[i]->body[0] != '\0');
        check_text(w, w->rec_text + (size_t)(adv.recs[i] - t->recs), e, &adv, &ctx, &pv);
    }
    tctx_destroy(ctx);
    /* a sample of paths renders the whole report in both formats */
    if (w->paths % 509 == 0) {
        struct strbuf md = STRBUF_INIT;
        struct la_error err = LA_ERROR_INIT;
        if (!report_markdown(e, &adv, NULL, &md, &err))
            fail_msg("report: %s", err.msg);
        assert_null(strstr(sb_str(&md), "{{"));
        sb_reset(&md);
        if (!report_json(e, &adv, NULL, &md, &err))
            fail_msg("json: %s", err.msg);
        sb_finish(&md);
        w->reports++;
    }
    advice_finish(&adv);
}

/* Depth-first over the next question's values. */
static void walk(struct walk *w, struct engine *e)
{
    long qi = engine_next(e);
    if (qi < 0) {
        check_path(w, e);
        return;
    }
    const struct question *q = &e->tree->questions[qi];
    struct value v = {.set = true};
    struct la_error err = LA_ERROR_INIT;
    size_t n = 0;
    switch (q->kind) {
    case Q_CHOICE:
    case Q_YESNO:
        n = q->nchoices;
        break;
    case Q_MULTI:
        /* goals: every subset; other multi-choice questions: none, the first alone, and all */
        n = strcmp(q->id, "goals") == 0 ? (size_t)1 << q->nchoices : 3;
        break;
    case Q_NUMBER:
        n = strcmp(q->id, "memory_mb") == 0       ? sizeof memory_points / sizeof *memory_points
            : strcmp(q->id, "duration_ms") == 0   ? sizeof duration_points / sizeof *duration_points
            : strcmp(q->id, "cpu_share_pct") == 0 ? sizeof share_points / sizeof *share_points
                                                  : 3;
        break;
    }
    for (size_t i = 0; i < n; i++) {
        switch (q->kind) {
        case Q_CHOICE:
        case Q_YESNO:
            v.choice = (int)i;
            break;
        case Q_MULTI:
            if (strcmp(q->id, "goals") == 0)
                v.mask = i;
            else
                v.mask = i == 0             ? 0
                         : i <= q->nchoices ? 1ULL << (i - 1)
                                            : (1ULL << q->nchoices) - 1;
            break;
        case Q_NUMBER:
            v.num = strcmp(q->id, "memory_mb") == 0       ? memory_points[i]
                    : strcmp(q->id, "duration_ms") == 0   ? duration_points[i]
                    : strcmp(q->id, "cpu_share_pct") == 0 ? share_points[i]
                    : i == 0                              ? q->min
                    : i == 1                              ? q->def.num
                                                          : q->max;
            break;
        }
        assert_true(engine_answer(e, (size_t)qi, &v, &err));
        walk(w, e);
        assert_true(engine_back(e));
    }
    la_error_finish(&err);
}

static void test_every_path(void **state)
{
    (void)state;
    struct la_error err = LA_ERROR_INIT;
    struct walk w = {0};
    w.t = tree_load_default(&err);
    if (w.t == NULL)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.col, err.msg);
    the_tree = w.t;
    texts_init(&w);
    struct engine e;
    engine_init(&e, w.t);
    walk(&w, &e);
    printf("walked %zu paths, checked %zu distinct texts, rendered %zu reports:", w.paths,
           w.rendered, w.reports);
    for (size_t p = 0; p < 5; p++) {
        printf(" %s=%zu", patterns[p], w.by_pattern[p]);
        assert_true(w.by_pattern[p] > 0); /* every pattern is reachable */
    }
    printf("\n");
    engine_finish(&e);
    texts_finish(&w);
    tree_destroy(w.t);
}

static void test_contract(void **state)
{
    (void)state;
    /* PRODUCT.md's question ids and values, and the recommendations the scan links to. */
    static const struct {
        const char *id, *kind, *values;
    } qs[] = {
        {"workload", "choice", "io,cpu,mixed"},
        {"io_shape", "choice", "fan_out,chain,single"},
        {"fan_out_size", "choice", "few,many"},
        {"cpu_shape", "choice", "single_task,collection"},
        {"event_source", "choice",
         "api_gateway_rest,http,s3,sqs,sns,dynamodb_stream,kinesis,eventbridge,direct"},
        {"batch_failures", "yesno", "yes,no"},
        {"clients", "multi", "http,s3,dynamodb,sqs,sns,secrets_manager,none"},
        {"goals", "multi", "cold_start,latency,cost,throughput"},
        {"memory_mb", "number", NULL},
        {"duration_ms", "number", NULL},
        {"native_deps", "yesno", "yes,no"},
    };
    static const char *const recs[] = {
        "client-reuse", "spawn-blocking", "concurrent-io", "bounded-concurrency", "error-handling",
        "s3-keys",      "observability",  "testing",       "release-profile",     "arm64",
        "timeout",      "memory-vcpu",    "tls",           "cold-start"};
    struct la_error err = LA_ERROR_INIT;
    struct tree *t = tree_load_default(&err);
    if (t == NULL)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.col, err.msg);
    for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
        const struct question *q = tree_question(t, qs[i].id);
        if (q == NULL)
            fail_msg("question %s is missing", qs[i].id);
        assert_string_equal(question_kind_name(q->kind), qs[i].kind);
        if (qs[i].values) {
            char *list = strdup(qs[i].values), *save = NULL;
            size_t n = 0;
            for (char *v = strtok_r(list, ",", &save); v; v = strtok_r(NULL, ",", &save), n++)
                if (question_choice(q, v) < 0)
                    fail_msg("question %s lacks value %s", q->id, v);
            assert_int_equal(n, q->nchoices);
            free(list);
        }
    }
    const struct question *mem = tree_question(t, "memory_mb");
    assert_int_equal(mem->min, 128);
    assert_int_equal(mem->max, 10240);
    assert_int_equal(mem->def.num, 1024);
    const struct question *dur = tree_question(t, "duration_ms");
    assert_int_equal(dur->min, 1);
    assert_int_equal(dur->max, 900000);
    for (size_t i = 0; i < sizeof recs / sizeof recs[0]; i++) {
        size_t r;
        for (r = 0; r < t->nrecs; r++)
            if (strcmp(t->recs[r].id, recs[i]) == 0)
                break;
        if (r == t->nrecs)
            fail_msg("recommendation %s is missing", recs[i]);
    }
    tree_destroy(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contract),
        cmocka_unit_test(test_every_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
