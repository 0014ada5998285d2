#!/usr/bin/env bash
# The loader against a corpus of broken trees: each must fail with exit 2 and exactly the
# file:line:col message recorded in broken/expected.txt.
. "$LA_SRC/tests/lib.sh"
cd "$LA_SRC/tests/core/broken" || exit 1
n=0
for f in *.yaml; do
  want=$(grep -F "$f:" expected.txt | head -n 1)
  [ -n "$want" ] || want=$(grep -F "$f: " expected.txt | head -n 1)
  if [ -z "$want" ]; then t_bad "$f: no expectation in expected.txt"; continue; fi
  t_run "$f" 2 "$LA_BIN" check "$f"
  t_eq "$f message" "$T_ERR" "lambda-advisor: $want"
  n=$((n + 1))
done
t_eq "corpus size" "$([ $n -ge 30 ] && echo big)" big
# Every line of expected.txt names a file that exists (no stale expectations).
while IFS= read -r line; do
  f=${line%%:*}
  [ -f "$f" ] && t_ok || t_bad "expected.txt names missing $f"
done < expected.txt
t_done
