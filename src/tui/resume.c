/* The last session's answers: written on the way out, offered on the next start. The file is
 * a plain answers file ("id: value", multi-choice as "id: [a, b]"), so `lambda-advisor
 * advise --answers` reads it too. */
#include "resume.h"
#include "lambda_advisor/fileio.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *resume_path(void)
{
    const char *state = getenv("XDG_STATE_HOME");
    if (state && *state == '/')
        return xasprintf("%s/lambda-advisor/last-answers.yaml", state);
    const char *home = getenv("HOME");
    if (home == NULL || *home != '/')
        return NULL;
    return xasprintf("%s/.local/state/lambda-advisor/last-answers.yaml", home);
}

bool resume_save(const struct engine *e)
{
    char *path = resume_path();
    if (path == NULL || e->nhistory == 0) {
        free(path);
        return false;
    }
    const struct tree *t = e->tree;
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, "# lambda-advisor: the answers of the last guided session\n");
    for (size_t i = 0; i < t->nquestions; i++) {
        if (!e->answers[i].set || !engine_is_asked(e, i))
            continue;
        char *v = question_format_value(&t->questions[i], &e->answers[i]);
        if (t->questions[i].kind == Q_MULTI) {
            sb_addf(&sb, "%s: [", t->questions[i].id);
            for (const char *p = v; *p; p++)
                sb_adds(&sb, *p == ',' ? ", " : (char[]){*p, 0});
            sb_adds(&sb, "]\n");
        } else {
            sb_addf(&sb, "%s: %s\n", t->questions[i].id, v);
        }
        free(v);
    }
    struct la_error err = LA_ERROR_INIT;
    char *dir = xstrdup(path);
    *strrchr(dir, '/') = '\0';
    bool ok = file_mkdirs(dir, &err) && file_write_atomic(path, sb.s, sb.len, true, &err);
    la_error_finish(&err);
    free(dir);
    sb_finish(&sb);
    free(path);
    return ok;
}

size_t resume_load(struct engine *e)
{
    char *path = resume_path();
    FILE *f = path ? fopen(path, "r") : NULL;
    free(path);
    if (f == NULL)
        return 0;
    const struct tree *t = e->tree;
    char **given = xcalloc(t->nquestions + 1, sizeof *given);
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        char *colon = strchr(line, ':');
        if (line[0] == '#' || colon == NULL)
            continue;
        *colon = '\0';
        const struct question *q = tree_question(t, line);
        if (q == NULL)
            continue;
        /* the value: [a, b] made "a,b", spaces and the newline dropped */
        struct strbuf v = STRBUF_INIT;
        for (const char *p = colon + 1; *p && *p != '\n'; p++)
            if (*p != ' ' && *p != '[' && *p != ']')
                sb_addc(&v, *p);
        size_t qi = (size_t)(q - t->questions);
        free(given[qi]);
        given[qi] = sb_detach(&v);
    }
    fclose(f);
    /* in tree order, as a walk would give them: each kept while it is asked and valid */
    size_t n = 0;
    for (size_t i = 0; i < t->nquestions; i++) {
        struct value val;
        if (given[i] && engine_is_asked(e, i) &&
            question_parse_value(&t->questions[i], given[i], &val, NULL) &&
            engine_answer(e, i, &val, NULL))
            n++;
        free(given[i]);
    }
    free(given);
    return n;
}
