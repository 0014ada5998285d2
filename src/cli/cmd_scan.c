/* `lambda-advisor scan`: the pitfall scan of Rust crates and deploy configs. */
#include "cli.h"
#include "lambda_advisor/rules.h"
#include "lambda_advisor/scan.h"
#include "lambda_advisor/scan_out.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char help[] =
    "usage: lambda-advisor scan [PATH...] [OPTIONS]\n\n"
    "Scans Rust crates and deploy configs (PATH: directories or files; default: .) for the\n"
    "pitfalls of Rust on AWS Lambda: blocking calls in async code, clients built per\n"
    "invocation, sequential awaits, panics in handlers, config mistakes. Comments and string\n"
    "literals never match; test code and main are told apart from handler code.\n\n"
    "Skips target/, hidden entries, what .gitignore excludes, binary files and files over the\n"
    "size limit (said in the summary on stderr); follows no symbolic links inside the tree\n"
    "and never writes to what it scans.\n\n"
    "Options:\n"
    "  --format text|json|sarif  report format (default text); lines and columns are 1-based\n"
    "                            (bytes in text and JSON, UTF-16 code units in SARIF)\n"
    "  -o, --output FILE         write the report to FILE (atomically) instead of stdout\n"
    "  --force                   let -o replace an existing file\n"
    "  --fail-on LEVEL           exit 1 when a finding is at or above LEVEL: note, warning\n"
    "                            (default), error, or never\n"
    "  --rules FILE              load extra rules (repeatable; the format of the shipped\n"
    "                            decision-trees/rules.yaml; check FILE validates one)\n"
    "  --config FILE             project config instead of the nearest .lambda-advisor.yaml\n"
    "                            at or above each PATH (up to the repository's top):\n"
    "                            rules: [files], disable: [ids], severity: {id: level}\n"
    "  --max-filesize SIZE       skip larger files (bytes, or with K or M; default 2M)\n"
    "  -j, --threads N           worker threads (default: one per core)\n"
    "  --color auto|always|never colours in the text report (auto: a terminal, no NO_COLOR)\n"
    "  --list-rules              print the rules (id, severity, title) and exit\n"
    "  -h, --help                show this help\n\n"
    "Suppress a finding with `// lambda-advisor: allow(rule-id)` on its line or the line above,\n"
    "or `// lambda-advisor: allow-file(rule-id)` anywhere in the file; a suppression that\n"
    "silences nothing is reported as a note.\n\n"
    "Exit codes: 0 no finding at or above the failing level, 1 findings, 2 usage error or bad\n"
    "input (a malformed rule or config file, a path that does not exist).\n";

static bool parse_size(const char *s, size_t *out)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s)
        return false;
    if (*end == 'K' || *end == 'k')
        v <<= 10, end++;
    else if (*end == 'M' || *end == 'm')
        v <<= 20, end++;
    if (*end != '\0' || v == 0)
        return false;
    *out = (size_t)v;
    return true;
}

static int list_rules(const char *const *paths, size_t npaths, const struct scan_opts *o)
{
    struct la_error err = LA_ERROR_INIT;
    struct ruleset *rs = scan_load_rules(paths, npaths, o, &err);
    if (rs == NULL) {
        int rc = cli_fail_error(&err);
        la_error_finish(&err);
        return rc;
    }
    for (size_t i = 0; i < rs->n; i++) {
        const struct rule *r = &rs->v[i];
        printf("%-24s %-8s %s%s\n", r->id, severity_name(r->severity),
               r->title ? r->title : r->message, r->disabled ? " (disabled)" : "");
    }
    rules_finish(rs);
    free(rs);
    return EXIT_OK;
}

int cmd_scan(int argc, char **argv)
{
    const char **paths = xcalloc((size_t)argc + 1, sizeof *paths);
    const char **rules = xcalloc((size_t)argc + 1, sizeof *rules);
    size_t npaths = 0, nrules = 0;
    const char *format = "text", *output = NULL, *fail_on = "warning", *color = "auto";
    const char *v;
    bool force = false, list = false;
    struct scan_opts o = {0};
    int rc = EXIT_OK, m;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(help, stdout);
            goto out;
        } else if ((m = cli_opt_value(argc, argv, &i, "--format", &format)) != 0) {
            if (m < 0)
                goto usage;
        } else if ((m = cli_opt_value(argc, argv, &i, "--output", &output)) != 0 ||
                   (m = cli_opt_value(argc, argv, &i, "-o", &output)) != 0) {
            if (m < 0)
                goto usage;
        } else if ((m = cli_opt_value(argc, argv, &i, "--fail-on", &fail_on)) != 0) {
            if (m < 0)
                goto usage;
        } else if ((m = cli_opt_value(argc, argv, &i, "--rules", &v)) != 0) {
            if (m < 0)
                goto usage;
            rules[nrules++] = v;
        } else if ((m = cli_opt_value(argc, argv, &i, "--config", &o.config_file)) != 0) {
            if (m < 0)
                goto usage;
        } else if ((m = cli_opt_value(argc, argv, &i, "--color", &color)) != 0) {
            if (m < 0)
                goto usage;
        } else if ((m = cli_opt_value(argc, argv, &i, "--max-filesize", &v)) != 0) {
            if (m < 0)
                goto usage;
            if (!parse_size(v, &o.max_filesize)) {
                rc = cli_fail("scan: invalid --max-filesize '%s' (bytes, or a number with K or M)",
                              v);
                goto out;
            }
        } else if ((m = cli_opt_value(argc, argv, &i, "--threads", &v)) != 0 ||
                   (m = cli_opt_value(argc, argv, &i, "-j", &v)) != 0) {
            if (m < 0)
                goto usage;
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || n < 1 || n > 256) {
                rc = cli_fail("scan: invalid thread count '%s' (1 to 256)", v);
                goto out;
            }
            o.threads = (int)n;
        } else if (strcmp(a, "--force") == 0) {
            force = true;
        } else if (strcmp(a, "--list-rules") == 0) {
            list = true;
        } else if (a[0] == '-' && a[1] != '\0') {
            rc = cli_fail("scan: unknown option '%s' (see lambda-advisor scan --help)", a);
            goto out;
        } else {
            paths[npaths++] = a;
        }
    }
    if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "sarif")) {
        rc = cli_fail("scan: invalid --format '%s'; valid: text, json, sarif", format);
        goto out;
    }
    enum severity fail_level = SEV_WARNING;
    bool never = strcmp(fail_on, "never") == 0;
    if (!never && !severity_parse(fail_on, &fail_level)) {
        rc = cli_fail("scan: invalid --fail-on '%s'; valid: note, warning, error, never", fail_on);
        goto out;
    }
    if (strcmp(color, "auto") && strcmp(color, "always") && strcmp(color, "never")) {
        rc = cli_fail("scan: invalid --color '%s'; valid: auto, always, never", color);
        goto out;
    }
    if (npaths == 0)
        paths[npaths++] = ".";
    o.rule_files = rules;
    o.nrule_files = nrules;
    if (list) {
        rc = list_rules(paths, npaths, &o);
        goto out;
    }
    struct scan_result res;
    struct la_error err = LA_ERROR_INIT;
    if (!scan_run(paths, npaths, &o, &res, &err)) {
        rc = cli_fail_error(&err);
        la_error_finish(&err);
        goto out;
    }
    size_t len;
    char *text;
    if (strcmp(format, "json") == 0) {
        text = scan_out_json(&res, &len);
    } else if (strcmp(format, "sarif") == 0) {
        text = scan_out_sarif(&res, &len);
    } else {
        const char *nc = getenv("NO_COLOR");
        bool use = strcmp(color, "always") == 0 ||
                   (strcmp(color, "auto") == 0 && output == NULL && isatty(STDOUT_FILENO) &&
                    (nc == NULL || nc[0] == '\0'));
        text = scan_out_text(&res, use, &len);
    }
    rc = cli_write_output(output, text, len, force);
    free(text);
    for (size_t i = 0; i < res.nnotes; i++) {
        char *note = text_escape(res.notes[i]); /* paths from the tree: no raw escapes */
        fprintf(stderr, "lambda-advisor: note: %s\n", note);
        free(note);
    }
    char *summary = scan_out_summary(&res);
    fprintf(stderr, "lambda-advisor: %s\n", summary);
    free(summary);
    if (rc == EXIT_OK && !never)
        for (size_t i = 0; i < res.n; i++)
            if (res.v[i].severity >= fail_level)
                rc = EXIT_FINDINGS;
    scan_result_finish(&res);
    goto out;
usage:
    rc = EXIT_USAGE;
out:
    free(paths);
    free(rules);
    return rc;
}
