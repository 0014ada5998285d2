/* The accessible mode (ACCESSIBLE set): the same questions, line by line on plain stdio, for
 * screen readers: numbered choices, no redraws, every choice echoed back. The session model
 * (engine, advice, export) is the same as the full-screen one. */
#include "plain.h"
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"
#include "resume.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One line from stdin without its newline, or NULL at the end of input. Caller frees. */
static char *ask(const char *prompt)
{
    fputs(prompt, stdout);
    fflush(stdout);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        return NULL;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
        line[--n] = '\0';
    char *p = line;
    while (*p == ' ')
        p++;
    memmove(line, p, strlen(p) + 1);
    return line;
}

/* Parses "2" or "1,3" / "1 3" into a value for q; an empty line keeps def. */
static bool parse_choice(const struct question *q, const char *in, const struct value *def,
                         struct value *v)
{
    memset(v, 0, sizeof *v);
    v->set = true;
    if (*in == '\0') {
        *v = *def;
        v->set = true;
        return true;
    }
    if (q->kind == Q_NUMBER) {
        return question_parse_value(q, in, v, NULL);
    }
    char *copy = xstrdup(in), *save = NULL;
    bool ok = true;
    for (char *tok = strtok_r(copy, ", ", &save); tok && ok; tok = strtok_r(NULL, ", ", &save)) {
        char *end;
        long k = strtol(tok, &end, 10);
        if (*end || k < 1 || (size_t)k > q->nchoices) {
            ok = false;
            break;
        }
        if (q->kind == Q_MULTI)
            v->mask |= (uint64_t)1 << (k - 1);
        else
            v->choice = (int)k - 1;
    }
    free(copy);
    return ok && (q->kind != Q_MULTI || v->mask != 0);
}

static void say_answer(const struct question *q, const struct value *v)
{
    char label[512];
    session_answer_text(q, v, label, sizeof label);
    printf("Answer: %s.\n\n", label);
}

/* Asks question qi; returns 1 answered, 0 back, -1 quit. */
static int ask_question(struct session *s, long qi, int pos, int total, const struct value *was)
{
    const struct question *q = &s->tree->questions[qi];
    const struct value *cur = was ? was : engine_value(&s->eng, (size_t)qi);
    printf("Question %d of %d: %s\n", pos, total, q->prompt);
    if (q->kind == Q_NUMBER) {
        char *valid = question_valid_values(q);
        printf("Type %s%s%s. Now: %ld.\n", valid, q->unit ? " " : "", q->unit ? q->unit : "",
               cur->num);
        free(valid);
    } else {
        for (size_t c = 0; c < q->nchoices; c++) {
            bool now = q->kind == Q_MULTI ? (cur->mask >> c) & 1 : (size_t)cur->choice == c;
            printf("  %zu) %s%s\n", c + 1, q->choices[c].label, now ? " (now)" : "");
        }
        printf(q->kind == Q_MULTI ? "Type the numbers of every choice that applies, separated by "
                                    "commas.\n"
                                  : "Type the number of your choice.\n");
    }
    puts("Enter alone keeps the answer marked now; b goes back, h reads the help, q quits.");
    for (;;) {
        char *in = ask("> ");
        if (in == NULL || strcmp(in, "q") == 0) {
            free(in);
            return -1;
        }
        if (strcmp(in, "b") == 0) {
            free(in);
            return 0;
        }
        if (strcmp(in, "h") == 0) {
            printf("%s\n", q->help ? q->help : "No help for this question.");
            for (size_t c = 0; c < q->nchoices; c++)
                if (q->choices[c].help)
                    printf("  %zu) %s: %s\n", c + 1, q->choices[c].label, q->choices[c].help);
            free(in);
            continue;
        }
        struct value v;
        struct la_error err = LA_ERROR_INIT;
        if (parse_choice(q, in, cur, &v) && engine_answer(&s->eng, (size_t)qi, &v, &err)) {
            free(in);
            say_answer(q, &v);
            s->dirty = true;
            return 1;
        }
        la_error_finish(&err);
        printf("Not a valid answer: %s. Try again.\n", in);
        free(in);
    }
}

static void print_advice(struct session *s)
{
    advice_finish(&s->adv);
    advice_compute(&s->adv, &s->eng);
    const struct setting *ps = tree_setting(s->tree, "pattern");
    if (ps) {
        const struct choice *pat = &ps->values[s->adv.settings[ps - s->tree->settings].choice];
        printf("The advice: %s (%s).\n", pat->label, pat->value);
    }
    for (size_t i = 0; i < s->tree->nsettings; i++) {
        const struct setting *st = &s->tree->settings[i];
        if (strcmp(st->id, "pattern") == 0 || !s->adv.setting_shown[i])
            continue;
        printf("%s: %s%s%s.\n", st->title, s->adv.setting_text[i], st->unit ? " " : "",
               st->unit ? st->unit : "");
    }
    printf("%zu recommendations:\n", s->adv.nrecs);
    for (size_t i = 0; i < s->adv.nrecs; i++)
        printf("  %zu. %s\n", i + 1, s->adv.recs[i]->title);
}

/* Asks every question the answers so far leave open, in order; false when the user quits.
 * Going back (b) returns to the previous answer and offers it as "now" again. */
static bool ask_open(struct session *s)
{
    struct value was;
    long was_qi = -1;
    for (;;) {
        long qi = engine_next(&s->eng);
        if (qi < 0)
            return true;
        int pos, total;
        s->screen = TS_QUESTION;
        s->qi = qi;
        session_progress(s, &pos, &total);
        int r = ask_question(s, qi, pos, total, qi == was_qi ? &was : NULL);
        was_qi = -1;
        if (r < 0)
            return false;
        if (r == 0) {
            if (s->eng.nhistory == 0) {
                puts("This is the first question.\n");
                continue;
            }
            was_qi = (long)s->eng.history[s->eng.nhistory - 1];
            was = s->eng.answers[was_qi];
            engine_back(&s->eng);
        }
    }
}

/* The review: every answer numbered; the one chosen is asked again, then any question the
 * change brings in. False when the user quits. */
static bool change_answer(struct session *s)
{
    size_t *rows = xcalloc(s->tree->nquestions + 1, sizeof *rows), n = 0;
    char buf[512];
    puts("Your answers:");
    for (size_t i = 0; i < s->tree->nquestions; i++) {
        if (!engine_is_asked(&s->eng, i))
            continue;
        const struct question *q = &s->tree->questions[i];
        session_answer_text(q, engine_value(&s->eng, i), buf, sizeof buf);
        printf("  %zu) %s %s\n", n + 1, q->prompt, buf);
        rows[n++] = i;
    }
    bool go_on = true;
    for (;;) {
        char *in = ask("Type the number of the answer to change (Enter alone changes none).\n> ");
        if (in == NULL || strcmp(in, "q") == 0) {
            free(in);
            go_on = false;
            break;
        }
        char *end;
        long k = strtol(in, &end, 10);
        bool empty = in[0] == '\0', ok = !empty && *end == '\0' && k >= 1 && (size_t)k <= n;
        if (!ok && !empty)
            printf("Not one of 1 to %zu: %s.\n", n, in);
        free(in);
        if (empty)
            break;
        if (!ok)
            continue;
        long qi = (long)rows[k - 1];
        int pos, total;
        s->screen = TS_QUESTION;
        s->qi = qi;
        session_progress(s, &pos, &total);
        int r = ask_question(s, qi, pos, total, NULL);
        go_on = r >= 0 && ask_open(s);
        break;
    }
    free(rows);
    s->screen = TS_REVIEW;
    return go_on;
}

int tui_plain(struct session *s)
{
    puts("lambda-advisor, line by line (ACCESSIBLE is set). Each question lists numbered "
         "choices; type a number and Enter.\n");
    if (!ask_open(s))
        return 0;
    s->screen = TS_REVIEW;
    print_advice(s);
    for (;;) {
        puts("\nType e to export the whole advice as Markdown (e FILE for another file than "
             "./lambda-advice.md), a to read it here, r to change an answer, c to start over, q "
             "to quit.");
        char *in = ask("> ");
        if (in == NULL || strcmp(in, "q") == 0) {
            free(in);
            return 0;
        }
        struct strbuf md = STRBUF_INIT;
        struct la_error err = LA_ERROR_INIT;
        if (in[0] == 'e' && (in[1] == '\0' || in[1] == ' ')) {
            const char *p = in[1] ? in + 2 : "lambda-advice.md";
            char *path = edit_expand_tilde(p);
            if (session_markdown(s, &md, &err) &&
                file_write_atomic(path, md.s, md.len, true, &err)) {
                printf("Wrote the advice to %s.\n", path);
                s->dirty = false;
            } else {
                char *m = la_error_format(&err);
                printf("Could not write it: %s.\n", m);
                free(m);
            }
            free(path);
        } else if (strcmp(in, "a") == 0) {
            if (session_markdown(s, &md, &err))
                fputs(md.s, stdout);
        } else if (strcmp(in, "r") == 0) {
            if (!change_answer(s)) {
                free(in);
                sb_finish(&md);
                return 0;
            }
            print_advice(s);
        } else if (strcmp(in, "c") == 0) {
            free(in);
            sb_finish(&md);
            engine_reset(&s->eng);
            return tui_plain(s);
        } else {
            printf("Not one of e, a, r, c or q: %s.\n", in);
        }
        la_error_finish(&err);
        sb_finish(&md);
        free(in);
    }
}
