#!/usr/bin/env bash
# Proof that the generated crates compile: `lambda-advisor new` for a pairwise covering set
# of the answers (covering.py), all in one cargo workspace (dependencies built once),
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
           aws-sdk-sqs aws-sdk-sns aws-sdk-secretsmanager aws-smithy-mocks reqwest thiserror serde_dynamo; do
    echo "$s = { path = \"$STUBS/$s\" }"
  done
} >"$W/.cargo/config.toml"
# Member profiles are ignored in a workspace: the root carries the same release profile.
printf '[workspace]\nmembers = ["crates/*"]\nresolver = "2"\n\n[profile.release]\n%s\n' \
  'lto = true
codegen-units = 1
strip = true
panic = "abort"' >"$W/Cargo.toml"

# The crates: a pairwise covering set of the answers, derived from the questions, the
# advice and the names the templates test (see covering.py): every value of every factor
# that shapes the code meets every value of every other factor in some crate.
if ! python3 "$LA_SRC/tests/templates/covering.py" "$LA_BIN" "$LA_SRC/templates" \
    >"$T_TMP/rows" 2>"$T_TMP/err"; then
  t_bad "covering.py failed: $(cat "$T_TMP/err")"
  t_done
  exit 1
fi
echo "covering set: $(wc -l <"$T_TMP/rows") answer sets ($SECONDS s)"

n=0
rsfiles=()
declare -A seen
while IFS=$'\t' read -r want cells; do
  n=$((n + 1))
  args=()
  IFS=$'\t' read -r -a list <<<"$cells"
  for a in "${list[@]}"; do args+=(--answer "$a"); done
  dir=$W/crates/c$n
  if ! "$LA_BIN" new "$dir" --name "c$n" --ci github "${args[@]}" >/dev/null 2>"$T_TMP/err"; then
    t_bad "new c$n (${cells//$'\t'/ }): $(cat "$T_TMP/err")"
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
  echo "c$n: ${cells//$'\t'/ }" >>"$T_TMP/index"
  # The advice chose the pattern this combination is meant to exercise.
  t_has "c$n pattern" "$(head -5 "$dir/src/main.rs")" "\`$want\` pattern"
  rsfiles+=("$dir/src/main.rs")
  # The asynchronous split (work longer than the API waits) adds the accept function.
  if [ -f "$dir/src/bin/accept.rs" ]; then
    rsfiles+=("$dir/src/bin/accept.rs")
    splits=$((${splits:-0} + 1))
  fi
done <"$T_TMP/rows"
echo "generated $n crates, ${#seen[@]} distinct, ${splits:-0} split ($SECONDS s)"
[ "${splits:-0}" -gt 0 ] && t_ok || t_bad "no crate of the covering set is the asynchronous split"

# rustfmt --check on every generated .rs file (one run; it names the files that differ).
if ! "$RUSTFMT" --edition 2021 --check "${rsfiles[@]}" >"$T_TMP/fmt" 2>&1; then
  grep '^Diff in' "$T_TMP/fmt" | sed 's/^Diff in \(.*crates\/\(c[0-9]*\)\/.*\)/\2/' | sort -u |
    head -10 | while read -r c; do grep "^$c:" "$T_TMP/index" >&2; done
  head -60 "$T_TMP/fmt" >&2
  t_bad "rustfmt --check of the generated code failed"
else
  t_ok
fi

echo "rustfmt done ($SECONDS s)"
# The pitfall scan finds nothing in the generated crates, not even a note.
t_run "scan of the generated crates" 0 "$LA_BIN" scan --fail-on note "$W/crates"
t_eq "scan findings" "$T_OUT" ""

echo "scan done ($SECONDS s)"
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
echo "cargo check done ($SECONDS s)"
t_done
