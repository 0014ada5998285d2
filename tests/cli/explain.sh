#!/usr/bin/env bash
# rules, explain RULE, check's rule/explanation/recommendation cross-checks, --color,
# NO_COLOR, --quiet, and the user's knowledge layered over the shipped one.
. "$LA_SRC/tests/lib.sh"
cd "$T_TMP"

t_run rules 0 "$LA_BIN" rules
t_eq "rules: 20 lines" "$(printf '%s\n' "$T_OUT" | wc -l)" 20
t_has "rules: a line" "$T_OUT" "blocking-sleep           warning  Blocking sleep in async code"
t_run "rules --ids" 0 "$LA_BIN" rules --ids
ids=$T_OUT
# every rule id of PRODUCT's table (check proves each has an explanation, below)
for id in blocking-sleep blocking-fs blocking-http block-on-in-async cpu-in-async \
  client-per-invocation runtime-per-invocation sequential-awaits await-in-loop \
  unwrap-in-handler s3-key-not-decoded no-release-profile tokio-full openssl-tls x86-deploy \
  arch-mismatch default-timeout memory-too-low-for-rayon no-tracing no-tests; do
  t_has "rules --ids has $id" "$ids" "$id"
done
t_eq "one explanation file per rule" "$(cd "$LA_SRC/decision-trees/explain" && ls | sed 's/\.md$//' | sort | tr '\n' ' ')" \
  "$(printf '%s\n' "$ids" | sort | tr '\n' ' ')"
# explain itself, on a source rule and a config rule
for id in blocking-sleep tokio-full; do
  t_run "explain $id" 0 "$LA_BIN" explain "$id"
  t_has "explain $id: title" "$(printf '%s\n' "$T_OUT" | head -1)" "$id: "
  t_has "explain $id: before" "$T_OUT" "Before"
  t_has "explain $id: after" "$T_OUT" "After"
  t_has "explain $id: recommendation" "$T_OUT" "Recommendation: "
done
t_run "explain links the recommendation" 0 "$LA_BIN" explain client-per-invocation
t_has "explain: recommendation id and title" "$T_OUT" 'Recommendation: client-reuse ("'
t_has "explain: code indented" "$T_OUT" "    async fn handler(s3: &aws_sdk_s3::Client"
t_hasnt "explain: no fences" "$T_OUT" '```'
t_run "explain memory rule says 1,769" 0 "$LA_BIN" explain memory-too-low-for-rayon
t_has "explain memory: threshold" "$T_OUT" "1,769 MB or less"
t_run "explain unknown" 2 "$LA_BIN" explain blockng-sleep
t_has "explain unknown: closest" "$T_ERR" "unknown rule 'blockng-sleep'; closest: blocking-sleep"
t_run "explain substring" 2 "$LA_BIN" explain per-invocation
t_has "explain substring: closest" "$T_ERR" "closest: client-per-invocation, runtime-per-invocation"
t_run "explain nothing" 2 "$LA_BIN" explain

# colours: never by default off a terminal, always on request, NO_COLOR wins over auto
t_run "explain --color=always" 0 "$LA_BIN" explain --color=always no-tests
t_has "explain coloured" "$T_OUT" $'\033[1m'
t_run "explain auto off a terminal" 0 env -u NO_COLOR "$LA_BIN" explain no-tests
t_hasnt "explain auto: plain" "$T_OUT" $'\033['
FIX="$LA_SRC/tests/scan/fixtures/lambda"
t_run "scan --color=always" 1 "$LA_BIN" scan --color=always "$FIX"
t_has "scan coloured" "$T_OUT" $'\033['
t_run "scan --color=never under script" 0 script -qec "NO_COLOR= '$LA_BIN' rules --color=never" /dev/null </dev/null
t_hasnt "rules --color=never on a terminal" "$T_OUT" $'\033['
t_run "rules auto on a terminal" 0 script -qec "NO_COLOR= '$LA_BIN' rules" /dev/null </dev/null
t_has "rules auto on a terminal: colour" "$T_OUT" $'\033[1m'
t_run "NO_COLOR on a terminal" 0 script -qec "NO_COLOR=1 '$LA_BIN' rules" /dev/null </dev/null
t_hasnt "NO_COLOR: plain" "$T_OUT" $'\033['

# --quiet: no summary
t_run "scan summary" 1 "$LA_BIN" scan "$FIX"
t_has "scan summary on stderr" "$T_ERR" "finding"
t_run "scan --quiet" 1 "$LA_BIN" scan --quiet "$FIX"
t_eq "scan --quiet: stderr empty" "$T_ERR" ""

# check: every rule has an explanation and every explanation a rule
t_run "check shipped" 0 "$LA_BIN" check
t_has "check: explanations" "$T_OUT" "ok: 20 rule explanations"
mkdir data && cp -r "$LA_SRC/decision-trees" "$LA_SRC/templates" data/
rm data/decision-trees/explain/no-tests.md
echo '# ghost' >data/decision-trees/explain/ghost-rule.md
t_run "check: missing and extra explanation" 2 env LAMBDA_ADVISOR_DATA="$T_TMP/data" "$LA_BIN" check
t_has "check: missing explanation" "$T_ERR" "rule 'no-tests' has no explanation; write decision-trees/explain/no-tests.md"
t_has "check: extra explanation" "$T_ERR" "decision-trees/explain/ghost-rule.md: explains 'ghost-rule', which is not a rule"
t_run "explain without its file" 2 env LAMBDA_ADVISOR_DATA="$T_TMP/data" "$LA_BIN" explain no-tests
t_has "explain without its file: message" "$T_ERR" "rule 'no-tests' has no explanation"

# an explanation's shape: "# RULE: title", Before then After, each with a fenced example
t_run "check one explanation" 0 "$LA_BIN" check "$LA_SRC/decision-trees/explain/no-tests.md"
t_has "check one explanation: ok" "$T_OUT" "ok: explanation:"
mkdir shapes
printf '# no-tests: t\n\n## After\n\n```rust\nx\n```\n\n## Before\n' >shapes/no-tests.md
t_run "shape: order" 2 "$LA_BIN" check shapes/no-tests.md
t_has "shape: order located" "$T_ERR" "shapes/no-tests.md:3:1: '## After' comes before '## Before'"
printf '# other: t\n' >shapes/no-tests.md
t_run "shape: heading" 2 "$LA_BIN" check shapes/no-tests.md
t_has "shape: heading located" "$T_ERR" "shapes/no-tests.md:1:1: the first line must be '# RULE: title'"
printf '# no-tests: t\n\n## Before\n\nno code\n\n## After\n\n```rust\nx\n```\n' >shapes/no-tests.md
t_run "shape: example" 2 "$LA_BIN" check shapes/no-tests.md
t_has "shape: example located" "$T_ERR" "shapes/no-tests.md:3:1: the '## Before' section has no fenced example"
printf '# no-tests: t\n\n## Before\n\n```rust\nx\n\n## After\n' >shapes/no-tests.md
t_run "shape: fence" 2 "$LA_BIN" check shapes/no-tests.md
t_has "shape: fence located" "$T_ERR" "shapes/no-tests.md:5:1: this code fence is never closed"
cp shapes/no-tests.md data/decision-trees/explain/no-tests.md
t_run "shape: shipped checked too" 2 env LAMBDA_ADVISOR_DATA="$T_TMP/data" "$LA_BIN" check
t_has "shape: shipped located" "$T_ERR" "decision-trees/explain/no-tests.md:5:1: this code fence is never closed"

# The user's layer: a team adds a rule with its explanation, and a question; check sees
# the layered result, --verbose says where each file comes from.
U="$T_TMP/xdg/lambda-advisor"
mkdir -p "$U/decision-trees/explain"
cat >"$U/decision-trees/rules-team.yaml" <<'Y'
rules:
  - id: no-println
    severity: note
    pattern: '\bprintln!\s*\('
    message: println! bypasses the tracing subscriber
    fix: use tracing::info! instead
    recommendation: observability
Y
t_run "layer: rule without explanation" 2 env XDG_CONFIG_HOME="$T_TMP/xdg" "$LA_BIN" check
t_has "layer: names the user's file" "$T_ERR" "$U/decision-trees/rules-team.yaml:2:5: rule 'no-println' has no explanation"
printf '# no-println: println! in a handler\n\n## Before\n\n```rust\nprintln!("x");\n```\n\n## After\n\n```rust\ntracing::info!("x");\n```\n' >"$U/decision-trees/explain/no-println.md"
cat >"$U/decision-trees/team.yaml" <<'Y'
questions:
  - id: team_owner
    kind: choice
    prompt: Which team owns the function?
    default: payments
    choices:
      - { value: payments, label: Payments }
      - { value: search, label: Search }
Y
t_run "layer: check" 0 env XDG_CONFIG_HOME="$T_TMP/xdg" "$LA_BIN" check
t_has "layer: 21 rules" "$T_OUT" "ok: scan rules: 21"
t_has "layer: 13 questions" "$T_OUT" "13 questions"
t_run "layer: explain" 0 env XDG_CONFIG_HOME="$T_TMP/xdg" "$LA_BIN" explain no-println
t_has "layer: explain" "$T_OUT" "Recommendation: observability"
t_run "layer: questions" 0 env XDG_CONFIG_HOME="$T_TMP/xdg" "$LA_BIN" questions --values team_owner
t_has "layer: question" "$T_OUT" "search"
mkdir crate && printf 'fn main() { println!("hi"); }\n' >crate/lib.rs
t_run "layer: scan" 0 env XDG_CONFIG_HOME="$T_TMP/xdg" "$LA_BIN" scan --format json crate
t_has "layer: the team rule runs" "$T_OUT" '"rule": "no-println"'
# the project's config is above the user's layer: it can turn the team rule off
printf 'disable: [no-println]\n' >crate/.lambda-advisor.yaml
t_run "layer: project above user" 0 env XDG_CONFIG_HOME="$T_TMP/xdg" "$LA_BIN" scan --format json crate
t_hasnt "layer: project disabled it" "$T_OUT" "no-println"
# a user file replaces the shipped file of the same path
cp "$LA_SRC/decision-trees/explain/no-tests.md" "$U/decision-trees/explain/no-tests.md"
echo "Our team's note." >>"$U/decision-trees/explain/no-tests.md"
t_run "layer: replace" 0 env XDG_CONFIG_HOME="$T_TMP/xdg" "$LA_BIN" explain no-tests
t_has "layer: replaced" "$T_OUT" "Our team's note."
# and a user template replaces the shipped one in what new writes
mkdir -p "$U/templates" && cp "$LA_SRC/templates/README.md.tpl" "$U/templates/README.md.tpl"
echo "Maintained by the payments team." >>"$U/templates/README.md.tpl"
t_run "layer: template" 0 env XDG_CONFIG_HOME="$T_TMP/xdg" "$LA_BIN" new proj --defaults --answer team_owner=search
t_has "layer: template replaced" "$(cat proj/README.md)" "Maintained by the payments team."
rm "$U/templates/README.md.tpl"
t_run "layer: --verbose" 0 env XDG_CONFIG_HOME="$T_TMP/xdg" "$LA_BIN" check --verbose
t_has "verbose: order" "$T_ERR" "knowledge, from lowest to highest precedence:"
t_has "verbose: shipped" "$T_ERR" "1. shipped: embedded in the binary"
t_has "verbose: user" "$T_ERR" "2. user: $U, 4 files"
t_has "verbose: adds" "$T_ERR" "$U/decision-trees/team.yaml (adds to the shipped files)"
t_has "verbose: replaces" "$T_ERR" "$U/decision-trees/explain/no-tests.md (replaces the shipped file)"
t_has "verbose: project" "$T_ERR" "3. project: the nearest .lambda-advisor.yaml"
# a symbolic link that loops and a FIFO among the user's files: neither hangs nor crashes; the
# loop is not followed, the FIFO is named (its rules would otherwise be lost without a word)
ln -s .. "$U/decision-trees/loop"
t_run "layer: loop" 0 timeout 20 env XDG_CONFIG_HOME="$T_TMP/xdg" "$LA_BIN" check
t_has "layer: loop" "$T_OUT" "ok: scan rules: 21"
mkfifo "$U/decision-trees/rules-pipe.yaml"
t_run "layer: FIFO" 2 timeout 20 env XDG_CONFIG_HOME="$T_TMP/xdg" "$LA_BIN" check
t_has "layer: FIFO" "$T_ERR" "decision-trees/rules-pipe.yaml: cannot read"
rm "$U/decision-trees/loop" "$U/decision-trees/rules-pipe.yaml"
# a broken user file is reported at its place
printf 'questions:\n  - id: Bad Id\n' >"$U/decision-trees/team.yaml"
t_run "layer: broken user tree" 2 env XDG_CONFIG_HOME="$T_TMP/xdg" "$LA_BIN" check
t_has "layer: broken user tree located" "$T_ERR" "$U/decision-trees/team.yaml:2:"
# HOME is the fallback; a relative XDG_CONFIG_HOME is ignored
mkdir -p home/.config && cp -r "$T_TMP/xdg/lambda-advisor" home/.config/
rm home/.config/lambda-advisor/decision-trees/team.yaml
t_run "layer: HOME fallback" 0 env -u XDG_CONFIG_HOME HOME="$T_TMP/home" "$LA_BIN" rules --ids
t_has "layer: HOME fallback" "$T_OUT" "no-println"
t_run "layer: relative XDG ignored" 0 env XDG_CONFIG_HOME=xdg HOME=/nonexistent "$LA_BIN" rules --ids
t_hasnt "layer: relative XDG ignored" "$T_OUT" "no-println"
t_done
