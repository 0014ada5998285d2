#!/usr/bin/env bash
# Builds the template-engine fuzzer with clang's libFuzzer + ASan + UBSan and runs it briefly
# on the shipped templates as a seed corpus. Skips (exit 77) without clang.
set -u
command -v clang >/dev/null || { echo "clang not found: skipping"; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
src=$LA_SRC
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -D_GNU_SOURCE \
  -I"$src/include" -o "$out/fuzz_template" "$src/tests/templates/fuzz_template.c" \
  "$src/src/render/template.c" "$src"/src/util/{xalloc,strbuf,error,fileio}.c || exit 1
mkdir -p "$out/corpus"
find "$src/templates" -name '*.tpl' | while read -r f; do cp "$f" "$out/corpus/$(echo "$f" | md5sum | cut -c1-16)"; done
"$out/fuzz_template" -max_total_time="${FUZZ_SECONDS:-20}" -max_len=16384 -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix="$out/" "$out/corpus" 2>"$out/log"
rc=$?
tail -n 3 "$out/log"
if [ $rc -ne 0 ]; then
  tail -n 60 "$out/log"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "1 passed, 0 failed"
