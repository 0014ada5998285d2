#!/usr/bin/env bash
# The real commands under valgrind: no invalid reads or writes, no leaks. Runs in the plain
# build only (the sanitizer build has its own checks and cannot run under valgrind).
. "$LA_SRC/tests/lib.sh"
command -v valgrind >/dev/null || { echo "valgrind not found: skipping"; exit 77; }
vg() { # NAME EXPECTED_EXIT ARGS...
  local name=$1 want=$2
  shift 2
  t_run "$name" "$want" valgrind -q --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite,indirect,possible --show-leak-kinds=definite,indirect,possible \
    "$LA_BIN" "$@"
  t_hasnt "$name: valgrind clean" "$T_ERR" "=="
}
vg help 0 --help
vg questions 0 questions --format json
vg check 0 check
vg check-broken 2 check "$LA_SRC/tests/core/broken/alias-bomb.yaml"
vg advise-md 0 advise --defaults
vg advise-json 0 advise --defaults --format json --answer workload=mixed --answer goals=latency,throughput
vg advise-bad 2 advise --defaults --answer memory_mb=1
printf 'workload: [cpu\n' > "$T_TMP/bad.yaml"
vg advise-bad-file 2 advise --answers "$T_TMP/bad.yaml"
if "$LA_BIN" new --help >/dev/null 2>&1; then
  vg new 0 new "$T_TMP/proj" --defaults --ci github
fi
if "$LA_BIN" scan --help >/dev/null 2>&1 && [ -d "$T_TMP/proj" ]; then
  vg scan 0 scan "$T_TMP/proj" --format sarif
fi
# Scans with findings: PCRE2's JIT reads whole words past the end of a subject, so every
# subject buffer ends in defined padding (SUBJECT_PAD); without it these reported
# "conditional jump depends on uninitialised value" inside JIT code. No suppressions.
vg scan-fixtures 1 scan "$LA_SRC/tests/scan/fixtures" --format sarif -j 2
vg scan-golden 1 scan "$LA_SRC/tests/scan/golden" --format json
vg scan-config 1 scan "$LA_SRC/tests/scan_config/fixtures"
t_done
