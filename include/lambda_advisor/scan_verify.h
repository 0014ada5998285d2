/* For `lambda-advisor check`: the ids shared by the scan's C code and its rule files agree. */
#ifndef LA_SCAN_VERIFY_H
#define LA_SCAN_VERIFY_H

#include "lambda_advisor/error.h"
#include "lambda_advisor/rules.h"
#include "lambda_advisor/tree.h"

#include <stdbool.h>

/* Both ways: every id the config checks report (config_rule_ids) is a `check: config` rule of
 * rs, and every `check: config` rule of rs is one the C code reports (a rule renamed in YAML
 * would otherwise be silently dead); with a tree, every rule's `recommendation` names one of
 * its recommendations. all_rules: rs holds the complete shipped rule set (else only the
 * config rules it has and their links are checked). The first disagreement goes to err, at
 * the rule's file:line:col. */
bool scan_verify_rules(const struct ruleset *rs, const struct tree *t, bool all_rules,
                       struct la_error *err);

/* The same on the shipped rules and tree (all rules), or on one rule file against the shipped
 * tree (its config rules and links only). */
bool scan_verify_shipped(struct la_error *err);
bool scan_verify_rule_file(const char *path, struct la_error *err);

#endif
