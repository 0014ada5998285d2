#!/usr/bin/env bash
# Nested partials that expand exponentially (issue 12): twelve partials, each including the
# next ten times, would render 10^12 copies. `check` refuses the file statically and `new`
# stops at the rendering bounds; both exit 2 with the template's name:line:col, in bounded
# time and memory, and `new` writes nothing. The input is generated here.
. "$(dirname "$0")/../lib.sh"

D=$T_TMP/data
mkdir -p "$D"
cp -R "$LA_SRC/decision-trees" "$LA_SRC/templates" "$D/"
gen() { # gen DIR DEPTH FANOUT [LINES]: DIR/p0.tpl ... each including the next FANOUT times
  local dir=$1 depth=$2 fan=$3 lines=${4:-1} i k
  mkdir -p "$dir"
  for ((i = 0; i < depth; i++)); do
    {
      for ((k = 0; k < lines; k++)); do
        echo "// level $i: some text that is repeated at every expansion of this partial"
      done
      if [ "$i" -lt $((depth - 1)) ]; then
        for ((k = 0; k < fan; k++)); do echo "{{>bomb/p$((i + 1))}}"; done
      fi
    } >"$dir/p$i.tpl"
  done
}
# Runs a command with at most 20 s and 1 GB of address space; under AddressSanitizer (the
# second pass of scripts/test sets ASAN_OPTIONS) without the memory limit, since its shadow
# memory reserves terabytes of address space.
bounded() {
  if [ -n "${ASAN_OPTIONS:-}" ]; then
    timeout 20 "$@"
  else
    bash -c 'ulimit -v 1048576; exec timeout 20 "$@"' _ "$@"
  fi
}
gen "$D/templates/bomb" 12 10
printf '%s\n' '//! bomb' '{{>bomb/p0}}' >"$D/templates/main.rs.tpl"

# The static check: linear in the templates' size, however they nest.
t_run "check of the bomb" 2 timeout 10 "$LA_BIN" check "$D/templates/main.rs.tpl"
t_has "check names the place" "$T_ERR" "bomb/p"
t_has "check says why" "$T_ERR" "expanding exponentially"
t_run "check of the real templates" 0 timeout 10 "$LA_BIN" check "$LA_SRC"/templates/*.tpl

# Rendering: stops at the bounds (16 MB of output, 100000 partials) in well under 1 GB.
t_run "new with the bomb" 2 bounded \
  env LAMBDA_ADVISOR_DATA="$D" "$LA_BIN" new "$T_TMP/proj" --defaults
t_has "new says why" "$T_ERR" "expanding exponentially"
if [[ "$T_ERR" =~ templates/bomb/p[0-9]+\.tpl:[0-9]+:[0-9]+: ]]; then t_ok; else t_bad "new names no file: $T_ERR"; fi
t_eq "nothing written" "$(ls "$T_TMP" | grep -c '^proj$')" "0"

# Fewer expansions (2^13) of bigger partials (8 KB): the output bound (16 MB) stops it.
rm -rf "$D/templates/bomb"
gen "$D/templates/bomb" 14 2 100
t_run "check of the big bomb" 2 timeout 10 "$LA_BIN" check "$D/templates/main.rs.tpl"
t_has "check says 16 MB" "$T_ERR" "more than 16 MB"
t_run "new with the big bomb" 2 bounded \
  env LAMBDA_ADVISOR_DATA="$D" "$LA_BIN" new "$T_TMP/proj" --defaults
t_has "new says 16 MB" "$T_ERR" "exceeds 16 MB"
if [[ "$T_ERR" =~ templates/bomb/p[0-9]+\.tpl:[0-9]+:[0-9]+: ]]; then t_ok; else t_bad "new names no file: $T_ERR"; fi

# A wide but shallow tree below the bounds still renders (the bounds are not too tight).
rm -rf "$D/templates/bomb"
gen "$D/templates/bomb" 3 10
t_run "new with 100 expansions" 0 env LAMBDA_ADVISOR_DATA="$D" "$LA_BIN" new "$T_TMP/ok" --defaults
t_eq "rendered every expansion" "$(grep -c 'level 2' "$T_TMP/ok/src/main.rs")" "100"
t_done
