#!/usr/bin/env bash
# Proof that the generated crates compile: `lambda-advisor new` for every event source x
# pattern x batch_failures x a representative set of clients, all in one cargo workspace,
# `cargo check --offline --workspace --all-targets` with warnings denied, against Debian's
# crate sources plus the stubs in tests/rust-stubs, and `rustfmt --check` on every .rs file.
# Uses Debian's toolchain (cargo-web, rustc-web, rustfmt-web), never ~/.cargo/bin.
. "$(dirname "$0")/../lib.sh"

CARGO=/usr/bin/cargo RUSTC=/usr/bin/rustc RUSTFMT=/usr/bin/rustfmt
for tool in "$CARGO" "$RUSTC" "$RUSTFMT"; do
  pkg=$(dpkg -S "$tool" 2>/dev/null | cut -d: -f1)
  case "$pkg" in
    cargo-web | rustc-web | rustfmt-web) ;;
    *) echo "SKIP: $tool is not from Debian's cargo-web/rustc-web/rustfmt-web (run scripts/bootstrap)"
       exit 77 ;;
  esac
done
[ -d /usr/share/cargo/registry ] || { echo "SKIP: no /usr/share/cargo/registry"; exit 77; }

# A persistent target dir (set by meson) keeps the dependencies built between runs.
TARGET=${LA_CARGO_TARGET:-$T_TMP/target}
W=$T_TMP/ws
STUBS=$LA_SRC/tests/rust-stubs
mkdir -p "$W/.cargo" "$W/crates" "$TARGET"
export PATH=/usr/bin:/bin CARGO_HOME=$W/.cargo-home CARGO_TARGET_DIR=$TARGET
export RUSTC RUSTFMT RUSTFLAGS="-D warnings" CARGO_TERM_COLOR=never

{
  echo '[source.crates-io]'
  echo 'replace-with = "debian"'
  echo '[source.debian]'
  echo 'directory = "/usr/share/cargo/registry"'
  echo '[net]'
  echo 'offline = true'
  echo '[patch.crates-io]'
  for s in lambda_runtime lambda_http aws_lambda_events aws-config aws-sdk-s3 aws-sdk-dynamodb \
           aws-sdk-sqs aws-sdk-sns aws-sdk-secretsmanager reqwest thiserror; do
    echo "$s = { path = \"$STUBS/$s\" }"
  done
} >"$W/.cargo/config.toml"
printf '[workspace]\nmembers = ["crates/*"]\nresolver = "2"\n' >"$W/Cargo.toml"

# Answers that lead to each pattern (the decision tree decides; the check below asserts it).
patterns=(
  "async-concurrent:workload=io io_shape=fan_out fan_out_size=few"
  "async-concurrent:workload=io io_shape=fan_out fan_out_size=many"
  "async-sequential:workload=io io_shape=chain"
  "spawn-blocking:workload=cpu cpu_shape=single_task"
  "spawn-blocking-rayon:workload=cpu cpu_shape=collection memory_mb=4096"
  "mixed-pipeline:workload=mixed io_shape=fan_out fan_out_size=many cpu_shape=collection memory_mb=4096"
  "mixed-pipeline:workload=mixed io_shape=single cpu_shape=collection memory_mb=1024"
)
clients=(none http s3 dynamodb,sqs,sns,secrets_manager http,s3,dynamodb,sqs,sns,secrets_manager)
sources=(api_gateway_rest http s3 sqs:yes sqs:no sns dynamodb_stream:yes dynamodb_stream:no
         kinesis:yes kinesis:no eventbridge direct)

n=0
declare -A seen
for src in "${sources[@]}"; do
  source=${src%%:*}
  batch=
  [ "$src" != "$source" ] && batch="--answer batch_failures=${src#*:}"
  for p in "${patterns[@]}"; do
    want=${p%%:*}
    args=()
    for a in ${p#*:}; do args+=(--answer "$a"); done
    for c in "${clients[@]}"; do
      n=$((n + 1))
      dir=$W/crates/c$n
      # shellcheck disable=SC2086
      if ! "$LA_BIN" new "$dir" --defaults --name "c$n" --ci github --answer event_source="$source" \
          $batch "${args[@]}" --answer clients="$c" >/dev/null 2>"$T_TMP/err"; then
        t_bad "new c$n ($src, $p, $c): $(cat "$T_TMP/err")"
        continue
      fi
      t_ok
      # Same crate apart from its name: check it once.
      key=$(sed "s/\bc$n\b/CRATE/g" "$dir/src/main.rs" "$dir/Cargo.toml" | md5sum | cut -c1-32)
      if [ -n "${seen[$key]:-}" ]; then
        rm -rf "$dir"
        continue
      fi
      seen[$key]=c$n
      echo "c$n: $src | $p | clients=$c" >>"$T_TMP/index"
      # The advice chose the pattern this combination is meant to exercise.
      t_has "c$n pattern" "$(head -5 "$dir/src/main.rs")" "\`$want\` pattern"
      if ! "$RUSTFMT" --edition 2021 --check "$dir/src/main.rs" >"$T_TMP/fmt" 2>&1; then
        t_bad "rustfmt --check c$n ($src, $p, $c):
$(head -40 "$T_TMP/fmt")"
      else
        t_ok
      fi
    done
  done
done
echo "generated $n crates, ${#seen[@]} distinct"

cd "$W" || exit 1
if ! "$CARGO" check --offline --workspace --all-targets --keep-going --quiet >"$T_TMP/check" 2>&1; then
  grep -E '^(error|warning)' -A12 "$T_TMP/check" | head -150 >&2
  # Name the combinations that failed.
  grep -oE 'crates/c[0-9]+' "$T_TMP/check" | sort -u | head -20 | while read -r c; do
    grep "^${c#crates/}:" "$T_TMP/index" >&2
  done
  t_bad "cargo check of the generated crates failed"
else
  t_ok
fi
t_done
