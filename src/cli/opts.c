/* One option table per command: getopt_long parsing, the --help text and the shell
 * completions are all generated from it, so they cannot drift apart. */
#include "cli.h"
#include "la_config.h"
#include "lambda_advisor/data.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct cli_globals cli_g = {.color = "auto"};

static bool valid_color(const char *v)
{
    return strcmp(v, "auto") == 0 || strcmp(v, "always") == 0 || strcmp(v, "never") == 0;
}

bool cli_set_color(const char *v)
{
    if (!valid_color(v)) {
        cli_fail("invalid --color '%s'; valid: auto, always, never", v);
        return false;
    }
    cli_g.color = v;
    return true;
}

bool cli_use_color(FILE *f)
{
    if (strcmp(cli_g.color, "always") == 0)
        return true;
    if (strcmp(cli_g.color, "never") == 0)
        return false;
    const char *nc = getenv("NO_COLOR");
    return f != NULL && isatty(fileno(f)) && (nc == NULL || nc[0] == '\0');
}

void cli_print_layers(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    char *s = data_layers();
    fprintf(stderr, "lambda-advisor: %s", s);
    free(s);
}

/* "-o, --output FILE" */
static void opt_label(const struct cli_opt *o, struct strbuf *sb)
{
    if (o->shrt)
        sb_addf(sb, "-%c, ", o->shrt);
    else
        sb_adds(sb, "    ");
    sb_addf(sb, "--%s", o->lng);
    if (o->arg)
        sb_addf(sb, " %s", o->arg);
}

void cli_help(const struct cli_command *c, FILE *f)
{
    /* the guided session (cli_session) has no command name */
    fprintf(f, "usage: lambda-advisor%s%s [OPTIONS]%s%s\n\n%s\n", *c->name ? " " : "", c->name,
            c->args ? " " : "", c->args ? c->args : "", c->desc);
    size_t width = 0;
    for (const struct cli_opt *o = c->opts; o->lng; o++) {
        struct strbuf sb = STRBUF_INIT;
        opt_label(o, &sb);
        if (sb.len > width)
            width = sb.len;
        sb_finish(&sb);
    }
    width += 2;
    fputs("Options:\n", f);
    for (const struct cli_opt *o = c->opts; o->lng; o++) {
        struct strbuf sb = STRBUF_INIT;
        opt_label(o, &sb);
        fprintf(f, "  %-*s", (int)width, sb_str(&sb));
        sb_finish(&sb);
        for (const char *h = o->help; *h; h++) {
            fputc(*h, f);
            if (*h == '\n')
                fprintf(f, "  %-*s", (int)width, "");
        }
        fputc('\n', f);
    }
    if (c->epilog)
        fprintf(f, "\n%s", c->epilog);
}

/* The long options that start with `prefix`, for an ambiguous-option message. */
static void add_candidates(const struct cli_command *c, const char *arg, struct strbuf *sb)
{
    const char *name = arg + 2;
    size_t n = strcspn(name, "=");
    if (n == 0)
        return;
    size_t k = 0;
    for (const struct cli_opt *o = c->opts; o->lng; o++)
        if (strncmp(o->lng, name, n) == 0)
            sb_addf(sb, "%s--%s", k++ ? ", " : " (did you mean ", o->lng);
    if (k)
        sb_adds(sb, "?)");
}

static const struct cli_opt *find_by_id(const struct cli_command *c, int id)
{
    for (const struct cli_opt *o = c->opts; o->lng; o++)
        if (o->id == id)
            return o;
    return NULL;
}

int cli_parse(const struct cli_command *c, int argc, char **argv, struct cli_parsed *out,
              int (*take)(void *ud, int id, const char *arg), void *ud)
{
    size_t n = 0;
    for (const struct cli_opt *o = c->opts; o->lng; o++)
        n++;
    struct option *lo = xcalloc(n + 1, sizeof *lo);
    struct strbuf so = STRBUF_INIT;
    sb_addc(&so, ':'); /* report a missing value as ':' */
    for (size_t i = 0; i < n; i++) {
        const struct cli_opt *o = &c->opts[i];
        lo[i] = (struct option){o->lng, o->arg ? required_argument : no_argument, NULL, o->id};
        if (o->shrt) {
            sb_addc(&so, (char)o->shrt);
            if (o->arg)
                sb_addc(&so, ':');
        }
    }
    int rc = EXIT_OK, r;
    opterr = 0;
    optind = 0; /* glibc: reinitialise, GNU argument permutation */
    while ((r = getopt_long(argc, argv, sb_str(&so), lo, NULL)) != -1) {
        const char *bad = argv[optind - 1];
        if (r == '?' || r == ':') {
            struct strbuf msg = STRBUF_INIT;
            const struct cli_opt *o = optopt ? find_by_id(c, optopt) : NULL;
            if (r == ':' && o)
                sb_addf(&msg, "--%s needs a value%s%s%s", o->lng,
                        o->values && o->values[0] != '@' ? " (" : "",
                        o->values && o->values[0] != '@' ? o->values : "",
                        o->values && o->values[0] != '@' ? ")" : "");
            else if (o && bad[0] == '-' && bad[1] == '-')
                sb_addf(&msg, "option '--%s' takes no value", o->lng);
            else if (optopt && !(bad[0] == '-' && bad[1] == '-'))
                sb_addf(&msg, "unknown option '-%c'", optopt);
            else {
                sb_addf(&msg, "unknown option '%s'", bad);
                add_candidates(c, bad, &msg);
            }
            rc = cli_fail("%s%s%s (see lambda-advisor%s%s --help)", c->name, *c->name ? ": " : "",
                          sb_str(&msg), *c->name ? " " : "", c->name);
            sb_finish(&msg);
            break;
        }
        if (r == 'h') {
            cli_help(c, stdout);
            rc = CLI_HELP;
            break;
        }
        if (r == 'V') {
            printf("lambda-advisor %s\n", LA_VERSION);
            rc = CLI_HELP;
            break;
        }
        if (r == CLI_OPT_COLOR) {
            if (!cli_set_color(optarg)) {
                rc = EXIT_USAGE;
                break;
            }
            continue;
        }
        if (r == 'q') {
            cli_g.quiet = true;
            continue;
        }
        if (r == 'v') {
            cli_g.verbose = true;
            continue;
        }
        if (take(ud, r, optarg) < 0) {
            rc = EXIT_USAGE;
            break;
        }
    }
    if (rc == EXIT_OK && cli_g.verbose)
        cli_print_layers();
    if (rc == EXIT_OK) {
        out->args = (const char **)argv + optind;
        out->nargs = (size_t)(argc - optind);
    }
    free(lo);
    sb_finish(&so);
    return rc;
}

/* Shell completions, generated from the tables. */

static void words(struct strbuf *sb, const char *values)
{
    for (const char *p = values; *p; p++)
        sb_addc(sb, *p == '|' ? ' ' : *p);
}

/* The words a value placeholder stands for: "@rule", "@question" are expanded by asking
 * the binary at completion time; files and directories by the shell. */
static const char *value_kind(const struct cli_opt *o)
{
    if (!o->arg)
        return NULL;
    return o->values ? o->values : "@file";
}

static void bash(struct strbuf *sb)
{
    sb_adds(sb, "# bash completion for lambda-advisor (generated by lambda-advisor completions "
                "bash)\n"
                "_lambda_advisor() {\n"
                "    local cur prev cmd i\n"
                "    cur=${COMP_WORDS[COMP_CWORD]}\n"
                "    prev=${COMP_WORDS[COMP_CWORD-1]}\n"
                "    cmd=\n"
                "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
                "        case ${COMP_WORDS[i]} in -*) ;; *) cmd=${COMP_WORDS[i]}; break ;; "
                "esac\n"
                "    done\n"
                "    # bash splits --opt=value at '=' (COMP_WORDBREAKS): the option is two "
                "back\n"
                "    if [[ $prev == = ]]; then prev=${COMP_WORDS[COMP_CWORD-2]}; fi\n"
                "    # --answer ID=VALUE arrives as --answer ID = VALUE\n"
                "    if [[ ${COMP_WORDS[COMP_CWORD-1]} == = && ${COMP_WORDS[COMP_CWORD-3]} == "
                "--answer ]]; then prev=--answer; fi\n"
                "    if [[ $cur == = ]]; then prev=${COMP_WORDS[COMP_CWORD-1]}; cur=; fi\n"
                "    if [[ -z $cmd ]]; then\n"
                "        COMPREPLY=($(compgen -W \"");
    for (const struct cli_command *c = cli_commands; c->name; c++)
        sb_addf(sb, "%s ", c->name);
    sb_adds(sb, "--help --version --color --quiet --verbose\" -- \"$cur\"))\n"
                "        return\n"
                "    fi\n"
                "    case $cmd in\n");
    for (const struct cli_command *c = cli_commands; c->name; c++) {
        sb_addf(sb, "    %s)\n        case $prev in\n", c->name);
        for (const struct cli_opt *o = c->opts; o->lng; o++) {
            const char *k = value_kind(o);
            if (!k)
                continue;
            sb_addf(sb, "            --%s", o->lng);
            if (o->shrt)
                sb_addf(sb, "|-%c", o->shrt);
            sb_adds(sb, ")\n                ");
            if (strcmp(k, "@file") == 0)
                sb_adds(sb, "COMPREPLY=($(compgen -f -- \"$cur\"))");
            else if (strcmp(k, "@dir") == 0)
                sb_adds(sb, "COMPREPLY=($(compgen -d -- \"$cur\"))");
            else if (strcmp(k, "@answer") == 0)
                sb_adds(sb, "_lambda_advisor_answer");
            else if (strcmp(k, "@none") == 0)
                sb_adds(sb, "COMPREPLY=()");
            else {
                sb_adds(sb, "COMPREPLY=($(compgen -W \"");
                words(sb, k);
                sb_adds(sb, "\" -- \"$cur\"))");
            }
            sb_adds(sb, "\n                return ;;\n");
        }
        sb_adds(sb, "        esac\n        if [[ $cur == -* ]]; then\n"
                    "            COMPREPLY=($(compgen -W \"");
        for (const struct cli_opt *o = c->opts; o->lng; o++) {
            sb_addf(sb, "--%s ", o->lng);
        }
        sb_adds(sb, "\" -- \"$cur\"))\n        else\n            ");
        const char *op = c->operands ? c->operands : "@none";
        if (strcmp(op, "@file") == 0)
            sb_adds(sb, "COMPREPLY=($(compgen -f -- \"$cur\"))");
        else if (strcmp(op, "@dir") == 0)
            sb_adds(sb, "COMPREPLY=($(compgen -d -- \"$cur\"))");
        else if (strcmp(op, "@rule") == 0)
            sb_adds(sb, "COMPREPLY=($(compgen -W \"$(lambda-advisor rules --ids 2>/dev/null)\" "
                        "-- \"$cur\"))");
        else if (strcmp(op, "@none") == 0)
            sb_adds(sb, "COMPREPLY=()");
        else {
            sb_adds(sb, "COMPREPLY=($(compgen -W \"");
            words(sb, op);
            sb_adds(sb, "\" -- \"$cur\"))");
        }
        sb_adds(sb, "\n        fi ;;\n");
    }
    sb_adds(sb, "    esac\n}\n"
                "# --answer ID=VALUE: ids first, then the values of that id\n"
                "_lambda_advisor_answer() {\n"
                "    local id\n"
                "    if [[ ${COMP_WORDS[COMP_CWORD-1]} == = && ${COMP_WORDS[COMP_CWORD-2]} != "
                "--answer ]]; then\n"
                "        id=${COMP_WORDS[COMP_CWORD-2]}\n"
                "    elif [[ $cur == *=* ]]; then\n"
                "        id=${cur%%=*}; cur=${cur#*=}\n"
                "    fi\n"
                "    if [[ -n $id ]]; then\n"
                "        local pre=\n"
                "        if [[ $cur == *,* ]]; then pre=${cur%,*},; fi\n"
                "        COMPREPLY=($(compgen -P \"$pre\" -W \"$(lambda-advisor questions --values "
                "\"$id\" 2>/dev/null)\" -- \"${cur##*,}\"))\n"
                "    else\n"
                "        compopt -o nospace 2>/dev/null\n"
                "        COMPREPLY=($(compgen -S = -W \"$(lambda-advisor questions --ids "
                "2>/dev/null)\" -- \"$cur\"))\n"
                "    fi\n"
                "}\n"
                "complete -F _lambda_advisor lambda-advisor\n");
}

static void zsh_values(struct strbuf *sb, const char *k)
{
    if (strcmp(k, "@file") == 0)
        sb_adds(sb, "_files");
    else if (strcmp(k, "@dir") == 0)
        sb_adds(sb, "_files -/");
    else if (strcmp(k, "@answer") == 0)
        sb_adds(sb, "_lambda_advisor_answer");
    else if (strcmp(k, "@rule") == 0)
        sb_adds(sb, "_lambda_advisor_rules");
    else if (strcmp(k, "@none") == 0)
        sb_adds(sb, " ");
    else {
        sb_adds(sb, "(");
        words(sb, k);
        sb_adds(sb, ")");
    }
}

/* zsh: the help text's first line, with the characters _arguments treats specially escaped. */
static void zsh_help(struct strbuf *sb, const char *h)
{
    for (; *h && *h != '\n'; h++) {
        if (*h == '[' || *h == ']' || *h == ':' || *h == '\\')
            sb_addc(sb, '\\');
        if (*h == '\'')
            sb_adds(sb, "'\\''");
        else
            sb_addc(sb, *h);
    }
}

static void zsh(struct strbuf *sb)
{
    sb_adds(sb, "#compdef lambda-advisor\n"
                "# zsh completion for lambda-advisor (generated by lambda-advisor completions "
                "zsh)\n"
                "_lambda_advisor_rules() {\n"
                "    local -a ids; ids=(${(f)\"$(lambda-advisor rules --ids 2>/dev/null)\"})\n"
                "    _describe 'rule' ids\n"
                "}\n"
                "_lambda_advisor_answer() {\n"
                "    if compset -P '*='; then\n"
                "        local -a vals; vals=(${(f)\"$(lambda-advisor questions --values "
                "${IPREFIX%=} 2>/dev/null)\"})\n"
                "        compset -P '*,'\n"
                "        _describe 'value' vals\n"
                "    else\n"
                "        local -a ids; ids=(${(f)\"$(lambda-advisor questions --ids "
                "2>/dev/null)\"})\n"
                "        compadd -S = -- $ids\n"
                "    fi\n"
                "}\n"
                "_lambda_advisor() {\n"
                "    local -a commands\n"
                "    commands=(\n");
    for (const struct cli_command *c = cli_commands; c->name; c++) {
        sb_addf(sb, "        '%s:", c->name);
        zsh_help(sb, c->summary);
        sb_adds(sb, "'\n");
    }
    sb_adds(sb, "    )\n"
                "    if (( CURRENT == 2 )); then\n"
                "        _describe 'command' commands\n"
                "        return\n"
                "    fi\n"
                "    local cmd=$words[2]\n"
                "    shift words; (( CURRENT-- ))\n"
                "    case $cmd in\n");
    for (const struct cli_command *c = cli_commands; c->name; c++) {
        sb_addf(sb, "    %s)\n        _arguments -s -S \\\n", c->name);
        for (const struct cli_opt *o = c->opts; o->lng; o++) {
            const char *k = value_kind(o);
            if (o->shrt)
                sb_addf(sb, "            '(-%c --%s)'{-%c,--%s%s}'[", o->shrt, o->lng, o->shrt,
                        o->lng, o->arg ? "=" : "");
            else
                sb_addf(sb, "            '--%s%s[", o->lng, o->arg ? "=" : "");
            zsh_help(sb, o->help);
            sb_adds(sb, "]");
            if (k) {
                sb_addf(sb, ":%s:", o->arg);
                zsh_values(sb, k);
            }
            sb_adds(sb, "' \\\n");
        }
        sb_adds(sb, "            '*:argument:");
        zsh_values(sb, c->operands ? c->operands : "@none");
        sb_adds(sb, "' ;;\n");
    }
    sb_adds(sb, "    esac\n}\n"
                "if [[ $zsh_eval_context[-1] == loadautofunc ]]; then\n"
                "    _lambda_advisor \"$@\"\n"
                "else\n"
                "    compdef _lambda_advisor lambda-advisor\n"
                "fi\n");
}

static void fish_str(struct strbuf *sb, const char *h)
{
    sb_addc(sb, '\'');
    for (; *h && *h != '\n'; h++) {
        if (*h == '\'' || *h == '\\')
            sb_addc(sb, '\\');
        sb_addc(sb, *h);
    }
    sb_addc(sb, '\'');
}

static void fish(struct strbuf *sb)
{
    sb_adds(sb, "# fish completion for lambda-advisor (generated by lambda-advisor completions "
                "fish)\n"
                "complete -c lambda-advisor -f\n"
                "set -l __la_cmds");
    for (const struct cli_command *c = cli_commands; c->name; c++)
        sb_addf(sb, " %s", c->name);
    sb_adds(sb, "\n");
    for (const struct cli_command *c = cli_commands; c->name; c++) {
        sb_addf(sb,
                "complete -c lambda-advisor -n \"not __fish_seen_subcommand_from $__la_cmds\" "
                "-a %s -d ",
                c->name);
        fish_str(sb, c->summary);
        sb_adds(sb, "\n");
    }
    sb_adds(sb, "function __la_answer\n"
                "    set -l tok (commandline -ct)\n"
                "    if string match -q '*=*' -- $tok\n"
                "        set -l id (string split -m1 = -- $tok)[1]\n"
                "        for v in (lambda-advisor questions --values $id 2>/dev/null)\n"
                "            echo $id=$v\n"
                "        end\n"
                "    else\n"
                "        for q in (lambda-advisor questions --ids 2>/dev/null)\n"
                "            echo $q=\n"
                "        end\n"
                "    end\n"
                "end\n");
    for (const struct cli_command *c = cli_commands; c->name; c++) {
        for (const struct cli_opt *o = c->opts; o->lng; o++) {
            sb_addf(sb, "complete -c lambda-advisor -n '__fish_seen_subcommand_from %s' -l %s",
                    c->name, o->lng);
            if (o->shrt)
                sb_addf(sb, " -s %c", o->shrt);
            const char *k = value_kind(o);
            if (k) {
                if (strcmp(k, "@file") == 0 || strcmp(k, "@dir") == 0)
                    sb_adds(sb, " -r -F");
                else if (strcmp(k, "@answer") == 0)
                    sb_adds(sb, " -x -a '(__la_answer)'");
                else if (strcmp(k, "@none") == 0)
                    sb_adds(sb, " -x");
                else {
                    sb_adds(sb, " -x -a '");
                    words(sb, k);
                    sb_adds(sb, "'");
                }
            }
            sb_adds(sb, " -d ");
            fish_str(sb, o->help);
            sb_adds(sb, "\n");
        }
        const char *op = c->operands;
        if (op && (strcmp(op, "@file") == 0 || strcmp(op, "@dir") == 0))
            sb_addf(sb, "complete -c lambda-advisor -n '__fish_seen_subcommand_from %s' -F\n",
                    c->name);
        else if (op && strcmp(op, "@rule") == 0)
            sb_addf(sb,
                    "complete -c lambda-advisor -n '__fish_seen_subcommand_from %s' -a "
                    "'(lambda-advisor "
                    "rules --ids 2>/dev/null)'\n",
                    c->name);
        else if (op && op[0] != '@') {
            sb_addf(sb, "complete -c lambda-advisor -n '__fish_seen_subcommand_from %s' -a '",
                    c->name);
            words(sb, op);
            sb_adds(sb, "'\n");
        }
    }
}

bool cli_completions(const char *shell, struct strbuf *sb)
{
    if (strcmp(shell, "bash") == 0)
        bash(sb);
    else if (strcmp(shell, "zsh") == 0)
        zsh(sb);
    else if (strcmp(shell, "fish") == 0)
        fish(sb);
    else
        return false;
    return true;
}
