#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang (ASan + UBSan) and runs each briefly over
# its seeds from the repository. usage: fuzz/run.sh [TARGET...] (default: all of them)
#   LA_FUZZ_SECONDS  run time per target (default 3; the CI `slow` suite uses the default)
#   LA_FUZZ_KEEP     a directory to keep each target's grown corpus and crash artifacts in
#   LA_FUZZ_ARGS     more libFuzzer options (say -jobs=2 -workers=2)
# Exit 77 (skipped) without clang or its libFuzzer runtime. Every target must run cleanly.
set -u
S=${LA_SRC:-$(cd "$(dirname "$0")/.." && pwd)}
export LA_SRC=$S LA_BIN=${LA_BIN:-unused}
. "$S/tests/lib.sh"
command -v clang >/dev/null || { echo "clang not found: skipped"; exit 77; }
ALL="lexer rust tree answers rules template glob toml deploy"
targets=${*:-$ALL}
secs=${LA_FUZZ_SECONDS:-3}
out=$T_TMP/fuzz
mkdir -p "$out/obj"
flags=(-std=c11 -D_GNU_SOURCE -g -O1 -fno-sanitize-recover=all -I"$S/include" -I"$S/src" -I"$out")
printf '#pragma once\n#define LA_VERSION "fuzz"\n' >"$out/la_config.h"
# The whole core (no curses) plus the answers code of the CLI, compiled once with coverage.
python3 "$S/scripts/embed.py" "$out/embedded_data.c" "$S" decision-trees templates || exit 1
srcs=("$out/embedded_data.c" "$S"/src/util/*.c "$S"/src/core/*.c "$S"/src/render/*.c
  "$S"/src/report/*.c "$S"/src/scan/*.c "$S"/src/scan/config/*.c)
printf '%s\n' "${srcs[@]}" | nice xargs -P 2 -I{} sh -c \
  'clang "$@" -fsanitize=fuzzer-no-link,address,undefined -c "{}" -o "'"$out/obj"'/$(echo "{}" | tr / _).o"' \
  _ "${flags[@]}" $(pkg-config --cflags yaml-0.1 libpcre2-8) 2>"$out/cc.err"
[ -s "$out/cc.err" ] && { cat "$out/cc.err"; exit 1; }
mkdir -p "$out/cli" # the answers target also needs the CLI's answers code
for f in answers_opts cli; do
  clang "${flags[@]}" -fsanitize=fuzzer-no-link,address,undefined -c "$S/src/cli/$f.c" \
    -o "$out/cli/$f.o" || exit 1
done
libs=$(pkg-config --libs yaml-0.1 libpcre2-8)
seeds() { # the seed directories of a target, from the repository
  case $1 in
    lexer | rust) echo "$S/fuzz/corpus/lexer $S/tests/scan/fixtures $S/tests/scan/golden" ;;
    tree) echo "$S/tests/core/trees $S/tests/core/broken $S/decision-trees" ;;
    answers) echo "$S/fuzz/corpus/answers" ;;
    rules) echo "$S/fuzz/corpus/rules $S/decision-trees" ;;
    template) echo "$S/templates $S/tests/templates" ;;
    glob) echo "$S/fuzz/corpus/glob" ;;
    toml) echo "$S/fuzz/corpus/toml" ;;
    deploy) echo "$S/fuzz/corpus/deploy" ;;
  esac
}
srcname() { case $1 in deploy) echo fuzz_config_deploy ;; *) echo "fuzz_$1" ;; esac; }
failed=0
for t in $targets; do
  bin=$out/$t
  if ! clang "${flags[@]}" -fsanitize=fuzzer,address,undefined -o "$bin" \
      "$S/fuzz/$(srcname "$t").c" "$out"/obj/*.o $([ "$t" = answers ] && echo "$out"/cli/*.o) $libs -lpthread -lm 2>"$out/$t.cc"; then
    if grep -q "libclang_rt.fuzzer\|cannot find" "$out/$t.cc"; then
      echo "libFuzzer runtime missing: skipped"; exit 77
    fi
    cat "$out/$t.cc"; failed=$((failed + 1)); continue
  fi
  # the seeds: every regular file of the seed directories (recursively), copied flat
  mkdir -p "$out/$t.seeds"
  for d in $(seeds "$t"); do
    [ -d "$d" ] && find "$d" -type f -size -64k -exec cp -t "$out/$t.seeds/" {} + 2>/dev/null
  done
  corpus=${LA_FUZZ_KEEP:+$LA_FUZZ_KEEP/$t}
  corpus=${corpus:-$out/$t.corpus}
  mkdir -p "$corpus"
  nice "$bin" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$corpus/crash-" ${LA_FUZZ_ARGS:-} \
    "$corpus" "$out/$t.seeds" >"$out/$t.log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$t.log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$out/$t.log" | tail -1)
  echo "$t: exit $rc, ${execs:-?} executions, $cov"
  if [ "$rc" -ne 0 ]; then
    tail -n 40 "$out/$t.log"; failed=$((failed + 1))
  fi
done
echo "$(($(wc -w <<<"$targets") - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
