/* Every command and its option table: the single source of the parsing, the --help text,
 * the shell completions and (tested against them) the man page. */
#include "cli.h"

#include <string.h>

static const struct cli_opt advise_opts[] = {
    ANSWER_OPTS,
    {CLI_OPT_FORMAT, 0, "format", "FORMAT", "markdown|json",
     "output format: markdown (default) or json"},
    {'o', 'o', "output", "FILE", "@file", "write to FILE (atomically) instead of standard output"},
    {CLI_OPT_FORCE, 0, "force", NULL, NULL, "overwrite FILE if it exists"},
    CLI_COMMON_OPTS,
};

static const struct cli_opt questions_opts[] = {
    {CLI_OPT_FORMAT, 0, "format", "FORMAT", "text|json", "output format: text (default) or json"},
    {CLI_OPT_IDS, 0, "ids", NULL, NULL, "print only the question ids, one a line"},
    {CLI_OPT_VALUES, 0, "values", "ID", "@none",
     "print only the valid values of question ID, one a line"},
    CLI_COMMON_OPTS,
};

static const struct cli_opt new_opts[] = {
    ANSWER_OPTS,
    {CLI_OPT_CI, 0, "ci", "CI", "github",
     "add .github/workflows/deploy.yml (cargo-lambda, OIDC role)"},
    {CLI_OPT_NAME, 0, "name", "NAME", "@none",
     "the crate name (default: DIR's name, or my-function)"},
    {CLI_OPT_FORCE, 0, "force", NULL, NULL,
     "write into a non-empty DIR, replacing the generated files"},
    CLI_COMMON_OPTS,
};

static const struct cli_opt scan_opts[] = {
    {CLI_OPT_FORMAT, 0, "format", "FORMAT", "text|json|sarif|github",
     "report format: text (default), json, sarif, or github (workflow\n"
     "commands that annotate a pull request); lines and columns are\n"
     "1-based (bytes; UTF-16 code units in SARIF)"},
    {'o', 'o', "output", "FILE", "@file",
     "write the report to FILE (atomically) instead of stdout"},
    {CLI_OPT_FORCE, 0, "force", NULL, NULL, "let -o replace an existing file"},
    {CLI_OPT_FAIL_ON, 0, "fail-on", "LEVEL", "note|warning|error|never",
     "exit 1 when a finding is at or above LEVEL: note, warning\n(default), error, or never"},
    {CLI_OPT_RULES, 0, "rules", "FILE", "@file",
     "load extra rules (repeatable; the format of the shipped\n"
     "decision-trees/rules.yaml; check FILE validates one)"},
    {CLI_OPT_CONFIG, 0, "config", "FILE", "@file",
     "project config instead of the nearest .lambda-advisor.yaml\n"
     "at or above each PATH (up to the repository's top):\n"
     "rules: [files], disable: [ids], severity: {id: level}"},
    {CLI_OPT_MAX_FILESIZE, 0, "max-filesize", "SIZE", "@none",
     "skip larger files (bytes, or with K or M; default 2M)"},
    {'j', 'j', "threads", "N", "@none", "worker threads (default: one per core)"},
    {CLI_OPT_LIST_RULES, 0, "list-rules", NULL, NULL,
     "print the rules (id, severity, title) and exit"},
    CLI_COMMON_OPTS,
};

static const struct cli_opt check_opts[] = {CLI_COMMON_OPTS};

static const struct cli_opt rules_opts[] = {
    {CLI_OPT_IDS, 0, "ids", NULL, NULL, "print only the rule ids, one a line"},
    CLI_COMMON_OPTS,
};

static const struct cli_opt explain_opts[] = {CLI_COMMON_OPTS};
static const struct cli_opt completions_opts[] = {CLI_COMMON_OPTS};

#define ANSWERS_EPILOG "(lambda-advisor questions lists the ids and their valid values)\n"

const struct cli_command cli_commands[] = {
    {"advise", cmd_advise, "print the advice for given answers (Markdown or JSON)", NULL, NULL,
     "Prints the advice the guided session gives for these answers: the concurrency pattern,\n"
     "the settings, the recommendations and the handler code. Same answers, same bytes.\n",
     advise_opts,
     ANSWERS_EPILOG "\nExample: lambda-advisor advise --defaults --answer workload=cpu --answer "
                    "goals=latency,cost\n"},
    {"questions", cmd_questions, "list every question id, its kind, values and when it is asked",
     NULL, NULL,
     "Lists every question of the decision tree: its id (for --answer ID=VALUE), its kind,\n"
     "its valid values and default, and when it is asked.\n",
     questions_opts, NULL},
    {"new", cmd_new, "write a new cargo-lambda project for given answers", "DIR", "@dir",
     "Writes a cargo-lambda project for the advice into DIR: Cargo.toml, src/main.rs (the\n"
     "handler, with tests), a sample event under events/, a README and, with --ci github, a\n"
     "GitHub Actions workflow. DIR must be empty or missing unless --force. The project is\n"
     "written to a temporary directory next to DIR first, so a failure leaves nothing behind.\n",
     new_opts,
     ANSWERS_EPILOG "\nExample: lambda-advisor new orders --defaults --answer event_source=sqs\n"},
    {"scan", cmd_scan, "scan Rust crates and deploy configs for Lambda pitfalls", "[PATH...]",
     "@file",
     "Scans Rust crates and deploy configs (PATH: directories or files; default: .) for the\n"
     "pitfalls of Rust on AWS Lambda: blocking calls in async code, clients built per\n"
     "invocation, sequential awaits, panics in handlers, config mistakes. Comments and string\n"
     "literals never match; test code and main are told apart from handler code.\n\n"
     "Skips target/, hidden entries, what .gitignore excludes, binary files and files over the\n"
     "size limit (said in the summary on stderr); follows no symbolic links inside the tree\n"
     "and never writes to what it scans. On a terminal, a scan that takes over a second\n"
     "shows its progress on stderr.\n",
     scan_opts,
     "Suppress a finding with `// lambda-advisor: allow(rule-id)` on its line or the line above,\n"
     "or `// lambda-advisor: allow-file(rule-id)` anywhere in the file; a suppression that\n"
     "silences nothing is reported as a note. lambda-advisor explain RULE says what a rule\n"
     "flags and why.\n\n"
     "Exit codes: 0 no finding at or above the failing level, 1 findings, 2 usage error or bad\n"
     "input (a malformed rule or config file, a path that does not exist).\n"},
    {"check", cmd_check, "validate decision-tree, rule and template files", "[FILE...]", "@file",
     "Validates knowledge files and reports every problem as file:line:col: message.\n"
     "  *.yaml      decision-tree files (given together, they are loaded as one tree), or\n"
     "              rule files for the scan (a mapping with a `rules` list)\n"
     "  *.tpl       templates (partials are looked up under the nearest templates/)\n"
     "Without FILE, checks the knowledge in use (shipped, with the user's layered over it):\n"
     "the tree, the rules, the templates, that every rule has an explanation and every\n"
     "explanation a rule, and that every rule's recommendation exists in the tree.\n"
     "Exit 0 when all is valid, 2 otherwise.\n",
     check_opts, NULL},
    {"rules", cmd_rules, "list the scan's rules: id, severity, what each flags", NULL, NULL,
     "Lists the rules the scan runs (shipped, and the user's own): id, severity, one line.\n"
     "lambda-advisor explain RULE tells more about one.\n",
     rules_opts, NULL},
    {"explain", cmd_explain, "explain a scan rule, with a before/after example", "RULE", "@rule",
     "Prints what RULE flags, why it matters on Lambda, an example before and after the fix,\n"
     "and the recommendation of the advice that covers it. An unknown RULE exits 2 and names\n"
     "the closest rule ids.\n",
     explain_opts, "Example: lambda-advisor explain blocking-sleep\n"},
    {"completions", cmd_completions, "print the bash, zsh or fish completion script", "SHELL",
     "bash|zsh|fish",
     "Prints the completion script for SHELL (bash, zsh or fish), generated from the same\n"
     "option tables as this help. `meson install` installs all three.\n",
     completions_opts, "Example: source <(lambda-advisor completions bash)\n"},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

static const struct cli_opt session_opts[] = {
    ANSWER_OPTS,
    {CLI_OPT_NO_MOUSE, 0, "no-mouse", NULL, NULL,
     "no mouse (also LAMBDA_ADVISOR_NO_MOUSE): the terminal keeps its own selection"},
    CLI_COMMON_OPTS,
};

const struct cli_command cli_session = {
    "",
    NULL,
    "the guided session",
    NULL,
    NULL,
    "Asks the questions one at a time in the terminal; answers given here are taken and only\n"
    "the rest is asked.\n",
    session_opts,
    ANSWERS_EPILOG};

const struct cli_command *cli_command(const char *name)
{
    for (const struct cli_command *c = cli_commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}
