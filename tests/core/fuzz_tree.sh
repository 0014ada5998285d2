#!/usr/bin/env bash
# Builds the tree-loader fuzzer with clang's libFuzzer + ASan + UBSan and runs it briefly
# on a seed corpus of valid and broken trees. Skips (exit 77) without clang.
set -u
command -v clang >/dev/null || { echo "clang not found: skipping"; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
src=$LA_SRC
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -D_GNU_SOURCE \
  -I"$src/include" -o "$out/fuzz_tree" "$src/tests/core/fuzz_tree.c" \
  "$src"/src/core/*.c "$src"/src/util/*.c $(pkg-config --cflags --libs yaml-0.1) || exit 1
mkdir -p "$out/corpus"
cp "$src"/tests/core/trees/*.yaml "$src"/tests/core/broken/*.yaml "$out/corpus/"
[ -d "$src/decision-trees" ] && cp "$src"/decision-trees/*.yaml "$out/corpus/" 2>/dev/null
"$out/fuzz_tree" -max_total_time="${FUZZ_SECONDS:-20}" -max_len=65536 -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix="$out/" "$out/corpus" 2>"$out/log"
rc=$?
tail -n 5 "$out/log"
if [ $rc -ne 0 ]; then
  cat "$out/log" | tail -n 60
  echo "0 passed, 1 failed"
  exit 1
fi
echo "1 passed, 0 failed"
