/* The advice engine: pure logic over a tree and answers. No I/O, no curses, no printing.
 * The guided session, `advise` and `new` all drive this one engine. */
#ifndef LA_ENGINE_H
#define LA_ENGINE_H

#include "lambda_advisor/tree.h"

/* One session's answers and the order in which they were given. */
struct engine {
    const struct tree *tree; /* borrowed; must outlive the engine */
    struct value *answers;   /* one per question, indexed like tree->questions */
    size_t *history;         /* question indices in the order they were answered */
    size_t nhistory;
};

void engine_init(struct engine *e, const struct tree *t);
void engine_finish(struct engine *e);
void engine_reset(struct engine *e);

/* Whether q is asked, given the answers so far (its condition holds). */
bool engine_is_asked(const struct engine *e, size_t qi);
/* The next question to ask: the first in tree order that is asked and unanswered.
 * Returns its index, or -1 when every asked question has an answer. */
long engine_next(const struct engine *e);
/* Answers (or re-answers) question qi. The value must be valid for the question (use
 * question_parse_value); returns false with err otherwise. Answers to questions that are
 * no longer asked are dropped. */
bool engine_answer(struct engine *e, size_t qi, const struct value *v, struct la_error *err);
/* Undoes the most recent answer. Returns false when there is nothing to undo. */
bool engine_back(struct engine *e);
/* Answers every remaining asked question with its default. */
void engine_fill_defaults(struct engine *e);
/* The value used for question qi in advice: its answer, or its default when unanswered. */
const struct value *engine_value(const struct engine *e, size_t qi);

#endif
