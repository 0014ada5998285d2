# Helpers for the shell tests. Each test script sources this, calls `t_*` assertions and
# ends with `t_done`, which prints "N passed, N failed" and sets the exit code.
set -u
LA_BIN=${LA_BIN:?LA_BIN must name the lambda-advisor binary}
LA_SRC=${LA_SRC:?LA_SRC must name the source root}
T_PASS=0
T_FAIL=0
T_TMP=$(mktemp -d)
trap 'rm -rf "$T_TMP"' EXIT

t_ok() { T_PASS=$((T_PASS + 1)); }
t_bad() { T_FAIL=$((T_FAIL + 1)); echo "FAIL: $*" >&2; }

# t_run NAME EXPECTED_EXIT CMD...: runs CMD, keeps stdout in $T_OUT and stderr in $T_ERR.
t_run() {
  local name=$1 want=$2
  shift 2
  "$@" >"$T_TMP/out" 2>"$T_TMP/err"
  local rc=$?
  T_OUT=$(cat "$T_TMP/out")
  T_ERR=$(cat "$T_TMP/err")
  if [ "$rc" -eq "$want" ]; then t_ok; else
    t_bad "$name: exit $rc, wanted $want; stderr: $T_ERR"
  fi
}
# t_has NAME HAYSTACK NEEDLE: the text contains the fixed string.
t_has() {
  case "$2" in *"$3"*) t_ok ;; *) t_bad "$1: expected to find [$3] in [$2]" ;; esac
}
t_hasnt() {
  case "$2" in *"$3"*) t_bad "$1: did not expect [$3] in [$2]" ;; *) t_ok ;; esac
}
t_eq() {
  if [ "$2" = "$3" ]; then t_ok; else t_bad "$1: expected [$3], got [$2]"; fi
}
t_done() {
  echo "$T_PASS passed, $T_FAIL failed"
  [ "$T_FAIL" -eq 0 ]
}
