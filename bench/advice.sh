#!/usr/bin/env bash
# Benchmark: process start to exit of `advise --format json` on the shipped tree, and of
# `check` on generated trees of 1,000 / 10,000 / 40,000 questions (is the loader linear?).
# Needs hyperfine (apt-get install hyperfine). Usage: bench/advice.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-bench}
[ -f "$build/build.ninja" ] || meson setup "$build" -Dbuildtype=release -Dtests=false >/dev/null
meson compile -C "$build" >/dev/null
bin=$build/src/lambda-advisor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in 1000 10000 40000; do python3 bench/gen_tree.py $n > "$tmp/tree-$n.yaml"; done
echo "machine: $(nproc) cores, $(uname -r); $(date -u +%F)"
hyperfine -N --warmup 5 --runs 100 --export-markdown "$tmp/advise.md" \
  -n 'true (process start, for scale)' 'true' \
  -n 'advise --defaults --format json' "$bin advise --defaults --format json" \
  -n 'advise (markdown, full answers)' "$bin advise --defaults --answer workload=mixed --answer clients=http,s3,dynamodb" \
  >/dev/null
cat "$tmp/advise.md"
echo
hyperfine -N --warmup 2 --runs 10 --export-markdown "$tmp/check.md" \
  -n 'check 1,000 questions' "$bin check $tmp/tree-1000.yaml" \
  -n 'check 10,000 questions' "$bin check $tmp/tree-10000.yaml" \
  -n 'check 40,000 questions' "$bin check $tmp/tree-40000.yaml" \
  >/dev/null
cat "$tmp/check.md"
for n in 1000 10000 40000; do
  /usr/bin/time -f "check $n questions: peak RSS %M KB" "$bin" check "$tmp/tree-$n.yaml" >/dev/null
done
