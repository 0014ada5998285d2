/* The ids the scan's C code and its rule files share, checked both ways (scan_verify.h). */
#include "lambda_advisor/config_check.h"
#include "lambda_advisor/scan_verify.h"
#include "lambda_advisor/tree.h"

#include <string.h>

static bool in_config_ids(const char *id)
{
    for (const char *const *c = config_rule_ids; *c; c++)
        if (strcmp(*c, id) == 0)
            return true;
    return false;
}

bool scan_verify_rules(const struct ruleset *rs, const struct tree *t, bool all_rules,
                       struct la_error *err)
{
    const char *where = "decision-trees/rules-config.yaml";
    for (size_t i = 0; i < rs->n; i++) {
        const struct rule *r = &rs->v[i];
        if (r->check == RC_CONFIG) {
            where = r->file;
            if (!in_config_ids(r->id))
                return la_error_set(err, r->file, r->line, r->col,
                                    "rule '%s' says check: config, but the config checks "
                                    "(src/scan/config/) report no such rule; it would never "
                                    "fire (config rules: no-release-profile, tokio-full, "
                                    "openssl-tls, x86-deploy, arch-mismatch, default-timeout, "
                                    "memory-too-low-for-rayon)",
                                    r->id);
        }
        if (t != NULL && r->recommendation != NULL) {
            bool found = false;
            for (size_t k = 0; k < t->nrecs && !found; k++)
                found = strcmp(t->recs[k].id, r->recommendation) == 0;
            if (!found)
                return la_error_set(err, r->file, r->line, r->col,
                                    "rule '%s': recommendation '%s' is not a recommendation of "
                                    "the decision tree",
                                    r->id, r->recommendation);
        }
    }
    for (const char *const *c = config_rule_ids; all_rules && *c; c++) {
        const struct rule *r = rules_find(rs, *c);
        if (r == NULL)
            return la_error_set(err, where, 0, 0,
                                "the config checks report '%s', but no rule file defines it "
                                "(expected a rule with id: %s and check: config)",
                                *c, *c);
        if (r->check != RC_CONFIG)
            return la_error_set(err, r->file, r->line, r->col,
                                "rule '%s' is reported by the config checks: it must say "
                                "check: config",
                                *c);
    }
    return true;
}

bool scan_verify_shipped(struct la_error *err)
{
    struct ruleset rs;
    memset(&rs, 0, sizeof rs);
    struct tree *t = NULL;
    bool ok = rules_load_default(&rs, err) && (t = tree_load_default(err)) != NULL &&
              scan_verify_rules(&rs, t, true, err);
    if (t != NULL)
        tree_destroy(t);
    rules_finish(&rs);
    return ok;
}

bool scan_verify_rule_file(const char *path, struct la_error *err)
{
    struct ruleset rs;
    memset(&rs, 0, sizeof rs);
    struct tree *t = NULL;
    bool ok = rules_load_file(&rs, path, err) && (t = tree_load_default(err)) != NULL &&
              scan_verify_rules(&rs, t, false, err);
    if (t != NULL)
        tree_destroy(t);
    rules_finish(&rs);
    return ok;
}
