#!/usr/bin/env bash
# One option table per command: GNU-style parsing, and the help, the man page and the
# completions agree with it.
. "$LA_SRC/tests/lib.sh"
cd "$T_TMP"
FIX="$LA_SRC/tests/scan/fixtures/lambda"

# GNU forms: -j8, -oFILE, --opt=value, options after operands, -- before an operand
t_run "-j8" 1 "$LA_BIN" scan -j8 --format=json "$FIX"
t_has "-j8 json" "$T_OUT" '"rule"'
t_run "bad -j" 2 "$LA_BIN" scan -j0 "$FIX"
t_has "bad -j message" "$T_ERR" "invalid thread count '0'"
mkdir -- -odd && cp "$FIX/src/main.rs" -- -odd/
t_run "-- DIR" 1 "$LA_BIN" scan --format json -- -odd
t_has "-- DIR scanned" "$T_OUT" '"path": "-odd/main.rs"'
t_run "-oFILE" 0 "$LA_BIN" advise --defaults -oadv.md
t_has "-oFILE wrote" "$(head -c 200 adv.md)" "#"
t_run "--output=FILE" 0 "$LA_BIN" advise --defaults --output=adv2.md --format=json
t_eq "--output=FILE wrote JSON" "$(head -c 1 adv2.md)" "{"
t_run "abbreviation" 0 "$LA_BIN" advise --def --form=json
t_has "abbreviation json" "$T_OUT" '"pattern"'
t_run "ambiguous" 2 "$LA_BIN" scan --f json "$FIX"
t_has "ambiguous names candidates" "$T_ERR" "did you mean --format, --force, --fail-on?"
t_run "missing value" 2 "$LA_BIN" scan --format
t_has "missing value message" "$T_ERR" "--format needs a value (text|json|sarif|github)"
t_run "flag with value" 2 "$LA_BIN" advise --defaults=yes
t_has "flag with value message" "$T_ERR" "option '--defaults' takes no value"
t_run "unknown short" 2 "$LA_BIN" advise -x
t_has "unknown short message" "$T_ERR" "unknown option '-x'"
t_run "stray operand" 2 "$LA_BIN" advise --defaults workload=io
t_has "stray operand message" "$T_ERR" "unexpected argument 'workload=io'"
t_run "global before command" 0 "$LA_BIN" --quiet --color=never check
t_eq "quiet check prints nothing" "$T_OUT" ""
t_run "global bad color" 2 "$LA_BIN" --color=sometimes check
t_has "global bad color message" "$T_ERR" "valid: auto, always, never"
t_run "--version after a command" 0 "$LA_BIN" scan --version
t_has "--version after a command" "$T_OUT" "lambda-advisor "
t_run "help command" 0 "$LA_BIN" help scan
t_has "help command" "$T_OUT" "usage: lambda-advisor scan"

# The progress line: on a terminal only, once the scan has taken the delay (1 s; the
# tests shorten it), erased before the summary.
S="'$LA_BIN' scan '$FIX' --format json --fail-on never"
t_run "progress on a terminal" 0 script -qec "LA_PROGRESS_DELAY_MS=0 $S" /dev/null </dev/null
t_has "progress shown" "$T_OUT" "lambda-advisor: scanning"
t_has "progress erased" "$T_OUT" $'\r\033[K'
t_run "no progress for a quick scan" 0 script -qec "LA_PROGRESS_DELAY_MS=60000 $S" /dev/null </dev/null
t_hasnt "no progress before the delay" "$T_OUT" "scanning"
t_run "no progress off a terminal" 0 script -qec "LA_PROGRESS_DELAY_MS=0 $S >/dev/null 2>'$T_TMP/err.txt'" /dev/null </dev/null
t_hasnt "no progress off a terminal" "$(cat "$T_TMP/err.txt")" "scanning"
t_run "no progress with --quiet" 0 script -qec "LA_PROGRESS_DELAY_MS=0 $S --quiet" /dev/null </dev/null
t_hasnt "no progress with --quiet" "$T_OUT" "scanning"

# questions --ids / --values (what the completions call)
t_run "questions --ids" 0 "$LA_BIN" questions --ids
t_has "questions --ids" "$T_OUT" "workload"
t_run "questions --values" 0 "$LA_BIN" questions --values event_source
t_has "questions --values" "$T_OUT" "dynamodb_stream"
t_run "questions --values unknown" 2 "$LA_BIN" questions --values nope

# Every long option of every command's help is in the man page's section for it, and the
# man page names no option the command lacks; the same for the completions.
MAN="$LA_SRC/docs/man/lambda-advisor.1.scd"
"$LA_BIN" completions bash >comp-bash.txt
"$LA_BIN" completions fish >comp-fish.txt
for c in advise questions new scan check rules explain completions; do
  "$LA_BIN" "$c" --help >help.txt
  grep -oE '^  (-[a-z], |    )--[a-z-]+' help.txt | grep -oE -- '--[a-z-]+' | sort -u >opts.txt
  awk -v c="## $c" '$0 == c {on = 1; next} /^#/ {on = 0} on' "$MAN" | grep -E '^\*-' |
    grep -oE -- '\*--[a-z-]+\*' | tr -d '*' | sort -u >man.txt
  common="--color --help --quiet --verbose --version"
  for o in $(cat opts.txt); do
    case " $common " in *" $o "*) continue ;; esac
    grep -qx -- "$o" man.txt && t_ok || t_bad "man page: $c lacks $o"
  done
  for o in $(cat man.txt); do
    grep -qx -- "$o" opts.txt && t_ok || t_bad "man page: $c documents $o, which $c --help lacks"
  done
  for sh in bash fish; do
    cp "comp-$sh.txt" comp.txt
    for o in $(cat opts.txt); do
      if [ "$sh" = bash ]; then
        awk -v c="    $c)" '$0 == c {on = 1; next} /^    [a-z]+\)$/ {on = 0} on' comp.txt | grep -qE -- "[\" ]$o " &&
          t_ok || t_bad "bash completion: $c lacks $o"
      else
        grep -q -- "__fish_seen_subcommand_from $c' -l ${o#--}" comp.txt && t_ok ||
          t_bad "fish completion: $c lacks $o"
      fi
    done
  done
done
for o in --color --quiet --verbose --help --version; do
  sed -n '/^# OPTIONS/,/^# COMMANDS/p' "$MAN" | grep -q -- "\*$o\*" && t_ok || t_bad "man page: OPTIONS lacks $o"
done
t_done
