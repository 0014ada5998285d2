#!/usr/bin/env bash
# Builds the TOML and deploy-config fuzzers (fuzz/fuzz_toml.c, fuzz/fuzz_config_deploy.c) with
# clang's libFuzzer + ASan + UBSan and runs each briefly (FUZZ_SECONDS, default 15) on the seed
# corpus in tests/scan_config/fuzz-corpus/. Skips (exit 77) without clang.
set -u
command -v clang >/dev/null || { echo "clang not found: skipping"; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
src=$LA_SRC
util="$src/src/util/xalloc.c $src/src/util/strbuf.c $src/src/util/error.c $src/src/util/fileio.c"
failed=0
run() { # name, sources..., then the corpus directory as the last argument
  local name=$1 corpus=${*: -1}
  local srcs=("${@:2:$#-2}")
  clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -D_GNU_SOURCE \
    -I"$src/include" -o "$out/$name" "${srcs[@]}" $util $(pkg-config --cflags --libs yaml-0.1) -lm ||
    { echo "FAIL: cannot build $name"; failed=$((failed + 1)); return; }
  mkdir -p "$out/$name-corpus"
  cp "$corpus"/* "$out/$name-corpus/"
  "$out/$name" -max_total_time="${FUZZ_SECONDS:-15}" -max_len=16384 -timeout=10 \
    -rss_limit_mb=2048 "$out/$name-corpus" 2>"$out/$name.log"
  local rc=$?
  tail -n 2 "$out/$name.log"
  if [ $rc -ne 0 ]; then
    tail -n 60 "$out/$name.log"
    echo "FAIL: $name (exit $rc)"
    failed=$((failed + 1))
  fi
}
run fuzz_toml "$src/fuzz/fuzz_toml.c" "$src/src/scan/config/toml.c" \
  "$src/tests/scan_config/fuzz-corpus/toml"
run fuzz_config_deploy "$src/fuzz/fuzz_config_deploy.c" "$src/src/scan/config/deploy.c" \
  "$src/src/util/ynode.c" "$src/tests/scan_config/fuzz-corpus/deploy"
echo "$((2 - failed)) passed, $failed failed"
[ $failed -eq 0 ]
