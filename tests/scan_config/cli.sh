#!/usr/bin/env bash
# The config rules through the real `scan` command: text, JSON and SARIF places, exit codes,
# hard negatives, unreadable files reported as notes, rules disabled by a project config.
. "$LA_SRC/tests/lib.sh"
cd "$LA_SRC/tests/scan_config/fixtures" || exit 1
CONFIG_RULES="no-release-profile tokio-full openssl-tls x86-deploy arch-mismatch default-timeout memory-too-low-for-rayon"
before=$(find . -type f -exec md5sum {} + | sort)

t_run defaults-text 1 "$LA_BIN" scan sam-defaults
t_has defaults-timeout "$T_OUT" "sam-defaults/template.yaml:3:3: warning: timeout at 3 s (Lambda's default"
t_has defaults-x86 "$T_OUT" "function ThumbnailFunction deploys as x86_64 (the default) [x86-deploy]"
t_has defaults-rayon "$T_OUT" "sam-defaults/template.yaml:11:7: warning: rayon with 1,769 MB or less"
t_has defaults-tokio "$T_OUT" "sam-defaults/Cargo.toml:9:38: note: tokio built with features = [\"full\"]"
t_has defaults-tls "$T_OUT" "sam-defaults/Cargo.toml:10:1: warning: TLS through OpenSSL"
t_hasnt defaults-profile "$T_OUT" "[no-release-profile]" # SAM builds it with rust-cargolambda
t_has defaults-snippet "$T_OUT" "      MemorySize: 1024"

t_run defaults-json 1 "$LA_BIN" scan sam-defaults --format json
t_has json-rayon "$T_OUT" '"rule": "memory-too-low-for-rayon", "severity": "warning", "path": "sam-defaults/template.yaml", "line": 11, "column": 7'
t_has json-recommendation "$T_OUT" '"recommendation": "memory-vcpu"'

t_run mismatch-sarif 1 "$LA_BIN" scan arch-mismatch --format sarif
t_has sarif-mismatch "$T_OUT" '"ruleId": "arch-mismatch"'
t_has sarif-level "$T_OUT" '"level": "error"'
t_has sarif-region "$T_OUT" '"startLine": 5, "startColumn": 17'

# hard negatives: correct projects give none of the config rules
for d in sam-arm64-ok workspace-ok tls-ok serverless-ok x86-only cfn-intrinsics not-lambda \
  profile-in-config go-only; do
  t_run "clean-$d" 0 "$LA_BIN" scan "$d" --format json --fail-on error
  for r in $CONFIG_RULES; do t_hasnt "clean-$d-$r" "$T_OUT" "\"rule\": \"$r\""; done
done

# a workspace member scanned alone: the profile note lands in the root above it
t_run member-alone 0 "$LA_BIN" scan workspace-noprofile/crates/a --fail-on error
t_has member-root "$T_OUT" "workspace-noprofile/Cargo.toml:1:1: note: release profile without lto"

t_run member-dot 0 sh -c 'cd workspace-noprofile/crates/a && "$0" scan . --fail-on error' "$LA_BIN"
t_has member-dot-root "$T_OUT" "../../Cargo.toml:1:1: note: release profile without lto"

# malformed files are reported with their place, and the scan goes on
t_run broken 0 "$LA_BIN" scan broken sam-arm64-ok --fail-on error
t_has broken-toml "$T_ERR" "broken/Cargo.toml:3:17: a newline inside a single-line string"
t_has broken-yaml "$T_ERR" "broken/template.yaml:5:29:"

# a project config can disable a config rule
printf 'disable: [x86-deploy, default-timeout]\n' >"$T_TMP/la.yaml"
t_run disabled 1 "$LA_BIN" scan sam-defaults --config "$T_TMP/la.yaml"
t_hasnt disabled-x86 "$T_OUT" "[x86-deploy]"
t_hasnt disabled-timeout "$T_OUT" "[default-timeout]"
t_has disabled-rest "$T_OUT" "[memory-too-low-for-rayon]"

# suppression comments in TOML and YAML
t_run suppressed 1 "$LA_BIN" scan suppressed
t_hasnt suppressed-x86 "$T_OUT" "[x86-deploy]"
t_hasnt suppressed-profile "$T_OUT" "[no-release-profile]"
t_has suppressed-malformed "$T_OUT" "suppressed/template.yaml:19:7: warning: rayon with"
t_has suppressed-mention "$T_OUT" "suppressed/Cargo.toml:11:38: note: tokio built"

# one suppression parser for `//` and `#`: user rules on Cargo.toml honour `#` suppressions,
# and unused or malformed `#` suppressions are reported like `//` ones
t_run supp-config 1 "$LA_BIN" scan suppress-config --rules suppress-config/rules.yaml
t_hasnt supp-user-rule "$T_OUT" "suppress-config/Cargo.toml:10:"
t_has supp-user-rule-unsuppressed "$T_OUT" "suppress-config/Cargo.toml:13:12: warning: a git dependency"
t_hasnt supp-config-rule "$T_OUT" "[openssl-tls]"
t_has supp-unused-toml "$T_OUT" "suppress-config/Cargo.toml:8:50: note: this suppression of tokio-full silences nothing [unused-suppression]"
t_has supp-unknown-toml "$T_OUT" "suppress-config/Cargo.toml:11:1: note: unknown rule id 'no-such-rule' in a suppression [unused-suppression]"
t_has supp-unused-yaml "$T_OUT" "suppress-config/template.yaml:9:30: note: this suppression of x86-deploy silences nothing [unused-suppression]"
t_has supp-malformed-yaml "$T_OUT" "suppress-config/template.yaml:11:23: note: malformed suppression, ignored"

# `check` verifies the rule ids shared by C and YAML both ways, and every recommendation link
mkdir -p "$T_TMP/data" && cp -R "$LA_SRC/decision-trees" "$LA_SRC/templates" "$T_TMP/data/"
sed -i 's/^  - id: x86-deploy$/  - id: x86-deployment/' "$T_TMP/data/decision-trees/rules-config.yaml"
t_run check-renamed 2 env LAMBDA_ADVISOR_DATA="$T_TMP/data" "$LA_BIN" check
t_has check-renamed-msg "$T_ERR" "rules-config.yaml:56:5: rule 'x86-deployment' says check: config, but the config checks"
t_run check-renamed-file 2 "$LA_BIN" check "$T_TMP/data/decision-trees/rules-config.yaml"
t_has check-renamed-file-msg "$T_ERR" "rule 'x86-deployment' says check: config"
cp "$LA_SRC/decision-trees/rules-config.yaml" "$T_TMP/data/decision-trees/rules-config.yaml"
sed -i 's/^    recommendation: tls$/    recommendation: tsl/' "$T_TMP/data/decision-trees/rules-config.yaml"
t_run check-link 2 env LAMBDA_ADVISOR_DATA="$T_TMP/data" "$LA_BIN" check
t_has check-link-msg "$T_ERR" "rule 'openssl-tls': recommendation 'tsl' is not a recommendation of the decision tree"
python3 - "$LA_SRC/decision-trees/rules-config.yaml" "$T_TMP/data/decision-trees/rules-config.yaml" <<'PY'
import sys
src = open(sys.argv[1]).read()
start = src.index("  - id: tokio-full")
end = src.index("  - id: openssl-tls")
open(sys.argv[2], "w").write(src[:start] + src[end:])
PY
t_run check-missing 2 env LAMBDA_ADVISOR_DATA="$T_TMP/data" "$LA_BIN" check
t_has check-missing-msg "$T_ERR" "the config checks report 'tokio-full', but no rule file defines it"
t_run check-shipped 0 "$LA_BIN" check

# the crate model: only Lambda function crates get no-tests / no-tracing
t_run model-ws 0 "$LA_BIN" scan model/ws --fail-on error
t_has model-ws-fn-tests "$T_OUT" "model/ws/fns/resize/src/main.rs:170:10: note: this Lambda crate has no #[test]"
t_has model-ws-fn-tracing "$T_OUT" "model/ws/fns/resize/src/main.rs:170:10: note: this Lambda crate never initialises"
t_hasnt model-ws-root "$T_OUT" "model/ws/Cargo.toml"
t_hasnt model-ws-libs "$T_OUT" "model/ws/libs/"
t_hasnt model-ws-thin "$T_OUT" "model/ws/fns/thin/" # tested in core-logic, subscriber in obs
t_run model-nosub 0 "$LA_BIN" scan model/nosub --fail-on error
t_has model-nosub-fires "$T_OUT" "model/nosub/src/main.rs:3:4: note: this Lambda crate never initialises"
# reached through the adapter, poem-lambda, an optional feature (roots scanned together give
# the union of each alone: union.py)
t_run model-reach 0 "$LA_BIN" scan model/lwa model/poem model/optional --fail-on error
for d in lwa poem optional; do
  t_has "model-$d-lambda" "$T_OUT" "model/$d/src/main.rs:1:4: note: this Lambda crate never initialises"
  t_has "model-$d-tokio" "$T_OUT" "model/$d/Cargo.toml:"
done
t_hasnt "model-reach-trivial" "$T_OUT" "[no-tests]"
# built by cargo-lambda (quiet) or not (the note), whatever says so
quiet="build-makefile build-ci build-readme build-justfile build-buildspec build-cdk build-cdk-asset"
quiet="$quiet build-package-json lwa poem optional vendored"
# shellcheck disable=SC2086
t_run built 0 "$LA_BIN" scan $(printf 'model/%s ' $quiet) --fail-on error
t_hasnt built-quiet "$T_OUT" "[no-release-profile]"
t_run plain 0 "$LA_BIN" scan model/build-docker model/build-cross model/build-none \
  model/build-nested --fail-on error
for d in build-docker build-cross build-none build-nested/legacy; do
  t_has "plain-$d-note" "$T_OUT" "model/$d/Cargo.toml:1:1: note: release profile without lto"
done
# timeouts per function: Globals -> function; an explicit value is a choice unless the function
# waits on other hosts; unset: a warning for I/O, nothing for an echo, a note for an unknown crate
t_run timeouts 1 "$LA_BIN" scan model/timeouts
t_has timeouts-global-3 "$T_OUT" "model/timeouts/template.yaml:3:5: warning: timeout at 3 s"
t_has timeouts-global-3-which "$T_OUT" "Timeout: 3 for function Fetch, which calls an HTTP client"
t_hasnt timeouts-override "$T_OUT" "FetchLonger"
t_hasnt timeouts-echo "$T_OUT" "function Echo"
t_has timeouts-unset-io "$T_OUT" "model/timeouts/more/template.yaml:2:3: warning: timeout at 3 s"
t_has timeouts-unset-unknown "$T_OUT" "model/timeouts/more/template.yaml:18:3: note: timeout at 3 s"
# vendored OpenSSL is not the pitfall; an integration-test stack is not deployed for cost
t_run vendored 0 "$LA_BIN" scan model/vendored --fail-on error
t_hasnt vendored-quiet "$T_OUT" "[openssl-tls]"
t_run itest 0 "$LA_BIN" scan model/itest --fail-on note
t_eq itest-quiet "$T_OUT" ""
# rayon gains only above 1,769 MB (one vCPU's worth)
t_run rayon 1 "$LA_BIN" scan model/rayon
t_has rayon-at "$T_OUT" "model/rayon/template.yaml:13:7: warning: rayon with 1,769 MB or less"
t_hasnt rayon-above "$T_OUT" "model/rayon/template.yaml:19:"

# functions deployed by Terraform or CDK code: x86_64 by default, arm64 or an unreadable
# architecture is left alone, other runtimes and cargo-lambda-cdk's RustFunction too
t_run iac 1 "$LA_BIN" scan model/iac
t_has iac-tf "$T_OUT" "model/iac/infra/main.tf:1:1: warning: runs on x86_64"
t_has iac-tf-detail "$T_OUT" "this aws_lambda_function (Terraform) deploys as x86_64 (the default) [x86-deploy]"
t_has iac-py "$T_OUT" "model/iac/cdk/stack.py:5:16: warning: runs on x86_64"
t_eq iac-count "$(printf '%s\n' "$T_OUT" | grep -c '\[x86-deploy\]')" "2"
# an empty directory among them (no names to sort: undefined behaviour under UBSan before)
mkdir -p "$T_TMP/iac-empty" && cp -R model/iac/. "$T_TMP/iac-empty/" && mkdir -p "$T_TMP/iac-empty/infra/empty"
t_run iac-empty-dir 1 "$LA_BIN" scan "$T_TMP/iac-empty"
t_hasnt iac-empty-ub "$T_ERR" "runtime error"
t_eq iac-empty-count "$(printf '%s\n' "$T_OUT" | grep -c '\[x86-deploy\]')" "2"

# the scan never writes to what it scans
after=$(find . -type f -exec md5sum {} + | sort)
t_eq untouched "$after" "$before"
t_done
