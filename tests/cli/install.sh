#!/usr/bin/env bash
# meson install into a temporary root: the installed binary runs from another directory,
# both man pages render with man -l, and the completions load and complete (bash with
# complete -p / compgen; zsh and fish files at least parse).
. "$LA_SRC/tests/lib.sh"
BUILD=${1:?usage: install.sh BUILDDIR}
ROOT="$T_TMP/root"
t_run "meson install --destdir" 0 meson install -C "$BUILD" --destdir "$ROOT" --no-rebuild --quiet
prefix=$(meson introspect "$BUILD" --buildoptions |
  python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
datadir=$(meson introspect "$BUILD" --buildoptions |
  python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="datadir"][0])')
mandir=$(meson introspect "$BUILD" --buildoptions |
  python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="mandir"][0])')
P="$ROOT$prefix"
BIN="$P/bin/lambda-advisor"
SHARE="$P/$datadir"
MAN="$P/$mandir"

mkdir -p "$T_TMP/elsewhere" && cd "$T_TMP/elsewhere"
t_run "installed binary runs elsewhere" 0 "$BIN" --version
t_has "installed version" "$T_OUT" "lambda-advisor "
t_run "installed binary: check" 0 "$BIN" check
t_has "installed binary: embedded knowledge" "$T_OUT" "ok: 20 rule explanations"
t_run "installed binary: advise" 0 "$BIN" advise --defaults --format json
t_has "installed binary: advice" "$T_OUT" '"pattern"'

# the man pages render, and say what they must
for page in "$MAN/man1/lambda-advisor.1" "$MAN/man5/lambda-advisor-rules.5"; do
  t_run "man -l $(basename "$page")" 0 env MANWIDTH=100 MANPAGER=cat PAGER=cat man -l "$page"
  t_hasnt "man $(basename "$page"): no warnings" "$T_ERR" "warning"
  rendered=$T_OUT
  case $page in
  *.1)
    for w in "advise" "questions" "new" "scan" "check" "rules" "explain" "completions" \
      "EXIT STATUS" "NO_COLOR" "LAMBDA_ADVISOR_DATA" "XDG_CONFIG_HOME" "EXAMPLES" \
      "--fail-on LEVEL" "--format github"; do
      t_has "man 1 has $w" "$rendered" "$w"
    done ;;
  *.5)
    for w in "DECISION TREES" "SCAN RULES" "EXPLANATIONS" "TEMPLATES" "PROJECT CONFIG" \
      "recommendation:" "disable:"; do
      t_has "man 5 has $w" "$rendered" "$w"
    done ;;
  esac
done

# bash: the installed completion, driven as bash drives it (COMP_WORDS split at '=')
BC="$SHARE/bash-completion/completions/lambda-advisor"
cat >"$T_TMP/bc.sh" <<B
PATH="$P/bin:\$PATH"
. "$BC"
complete -p lambda-advisor
comp() { COMP_WORDS=("\$@"); COMP_CWORD=\$((\${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _lambda_advisor; echo "\${COMPREPLY[*]}"; }
comp lambda-advisor ""
comp lambda-advisor scan --format ""
comp lambda-advisor advise --answer workload = ""
comp lambda-advisor advise --answer ev
comp lambda-advisor advise --answer clients = http,dy
comp lambda-advisor explain client
comp lambda-advisor new --c
comp lambda-advisor scan --fail-on = e
B
t_run "bash completion" 0 bash --norc --noprofile "$T_TMP/bc.sh"
mapfile -t got <<<"$T_OUT"
t_eq "bash: complete -p" "${got[0]}" "complete -F _lambda_advisor lambda-advisor"
t_has "bash: commands" "${got[1]}" "advise questions new scan check rules explain completions"
t_eq "bash: scan --format <TAB>" "${got[2]}" "text json sarif github"
t_eq "bash: advise --answer workload=<TAB>" "${got[3]}" "io cpu mixed"
t_eq "bash: --answer ev<TAB>" "${got[4]}" "event_source="
t_eq "bash: multi-choice list" "${got[5]}" "http,dynamodb"
t_eq "bash: explain rule ids" "${got[6]}" "client-per-invocation"
t_eq "bash: new options" "${got[7]}" "--ci --color"
t_eq "bash: --fail-on=<TAB>" "${got[8]}" "error"

# zsh and fish: the files parse (and zsh's defines the function)
if command -v zsh >/dev/null; then
  t_run "zsh -n" 0 zsh -n "$SHARE/zsh/site-functions/_lambda-advisor"
  t_run "zsh loads it" 0 zsh -fc "autoload -Uz compinit && compinit -u -d $T_TMP/zcd && fpath=($SHARE/zsh/site-functions \$fpath) && autoload -Uz _lambda-advisor && source $SHARE/zsh/site-functions/_lambda-advisor && whence -w _lambda_advisor"
  t_has "zsh: function" "$T_OUT" "_lambda_advisor: function"
  # and completes, driven through a pseudo-terminal as a person would type TAB
  cat >"$T_TMP/zt.zsh" <<'Z'
zmodload zsh/zpty
zpty z 'zsh -f -i'
zpty -w z "PS1='> '; fpath=($1 \$fpath); PATH=$2:\$PATH; autoload -Uz compinit; compinit -u -D; unsetopt beep; print READY"
out=''
for i in {1..200}; do zpty -r -t z line && out+=$line; [[ $out == *READY* ]] && break; sleep 0.05; done
zpty -w -n z "$3"$'\t'
out=''
for i in {1..200}; do zpty -r -t z line && out+=$line; [[ $out == *$4* ]] && break; sleep 0.05; done
zpty -d z
[[ $out == *$4* ]] || { print -r -- "$out"; exit 1; }
Z
  zc() { t_run "zsh: $1<TAB> offers $2" 0 env HOME="$T_TMP" zsh -f "$T_TMP/zt.zsh" "$SHARE/zsh/site-functions" "$P/bin" "$1" "$2"; }
  zc "lambda-advisor scan --format " "sarif"
  zc "lambda-advisor advise --answer workload=" "mixed"
  zc "lambda-advisor explain blocking-" "blocking-sleep"
fi
if command -v fish >/dev/null; then
  t_run "fish -n" 0 fish -n "$SHARE/fish/vendor_completions.d/lambda-advisor.fish"
  t_run "fish completes" 0 env HOME="$T_TMP" XDG_CONFIG_HOME="$T_TMP/fishcfg" XDG_DATA_HOME="$T_TMP/fishdata" \
    fish --no-config -c "set PATH $P/bin \$PATH; source $SHARE/fish/vendor_completions.d/lambda-advisor.fish; complete -C 'lambda-advisor scan --format '; echo ---; complete -C 'lambda-advisor advise --answer workload='; echo ---; complete -C 'lambda-advisor explain blocking-s'"
  t_has "fish: scan --format" "$T_OUT" "sarif"
  t_has "fish: --answer workload=" "$T_OUT" "workload=mixed"
  t_has "fish: explain rule ids" "$T_OUT" "blocking-sleep"
fi
t_done
