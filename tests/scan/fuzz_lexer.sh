#!/bin/sh
# Builds the lexer's libFuzzer target with clang (ASan + UBSan) and runs it briefly over the
# seed corpus in fuzz/corpus/lexer plus the fixtures. Skipped (77) when clang or its
# libFuzzer runtime is missing. LA_FUZZ_SECONDS sets the run time (default 20).
. "$LA_SRC/tests/lib.sh"
command -v clang >/dev/null 2>&1 || { echo "clang not found: skipped"; exit 77; }
S="$LA_SRC"
if ! clang -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=all -I"$S/include" -o "$T_TMP/fuzz_lexer" \
    "$S/fuzz/fuzz_lexer.c" "$S/src/scan/lexer.c" "$S/src/scan/scope.c" \
    "$S/src/util/xalloc.c" 2>"$T_TMP/cc.err"; then
  if grep -q "libclang_rt.fuzzer\|cannot find" "$T_TMP/cc.err"; then
    echo "libFuzzer runtime missing: skipped"; exit 77
  fi
  cat "$T_TMP/cc.err"; exit 1
fi
mkdir -p "$T_TMP/corpus" "$T_TMP/seeds"
find "$S/tests/scan/fixtures" -name '*.rs' -exec cp {} "$T_TMP/seeds/" \;
"$T_TMP/fuzz_lexer" -max_total_time="${LA_FUZZ_SECONDS:-20}" -max_len=4096 -timeout=5 \
  -rss_limit_mb=1024 -print_final_stats=1 \
  "$T_TMP/corpus" "$S/fuzz/corpus/lexer" "$T_TMP/seeds" >"$T_TMP/log" 2>&1
rc=$?
tail -5 "$T_TMP/log"
t_eq "fuzzer exit status" "$rc" 0
t_has "fuzzer ran" "$(cat "$T_TMP/log")" "stat::number_of_executed_units"
t_done
