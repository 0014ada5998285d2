#!/bin/sh
# The scan command: exit codes, options, rule and config files, the walk.
. "$LA_SRC/tests/lib.sh"
FIX="$LA_SRC/tests/scan/fixtures"
cd "$T_TMP" || exit 1

t_run "help" 0 "$LA_BIN" scan --help
t_has "help names --fail-on" "$T_OUT" "--fail-on LEVEL"
t_run "unknown option" 2 "$LA_BIN" scan --frobnicate
t_has "unknown option message" "$T_ERR" "unknown option '--frobnicate'"
t_run "bad format" 2 "$LA_BIN" scan --format xml "$FIX"
t_has "bad format message" "$T_ERR" "valid: text, json, sarif"
t_run "bad fail-on" 2 "$LA_BIN" scan --fail-on loud "$FIX"
t_run "missing path" 2 "$LA_BIN" scan "$T_TMP/nope"
t_has "missing path message" "$T_ERR" "nope: cannot scan: No such file or directory"
t_run "list rules" 0 "$LA_BIN" scan --list-rules
t_has "list rules: blocking-sleep" "$T_OUT" "blocking-sleep"
t_has "list rules: config rules too" "$T_OUT" "no-release-profile"

mkdir -p empty/docs
echo hi >empty/docs/readme.txt
t_run "nothing to scan" 0 "$LA_BIN" scan empty
t_has "nothing to scan: said" "$T_ERR" "note: nothing to scan: no Rust sources"

# exit codes and --fail-on
mkdir -p clean/src notes/src
printf '[package]\nname = "c"\n' >clean/Cargo.toml
printf 'pub async fn f() { tokio::time::sleep(d).await; }\n' >clean/src/lib.rs
t_run "clean tree: exit 0" 0 "$LA_BIN" scan clean
t_has "clean summary" "$T_ERR" "0 findings"
printf '[package]\nname = "n"\n' >notes/Cargo.toml
printf 'pub async fn f() {\n    let a = x().await;\n    let b = y().await;\n}\n' >notes/src/lib.rs
t_run "only notes: exit 0 by default" 0 "$LA_BIN" scan notes
t_has "the note is there" "$T_OUT" "[sequential-awaits]"
t_run "--fail-on note: exit 1" 1 "$LA_BIN" scan --fail-on note notes
t_run "warnings: exit 1" 1 "$LA_BIN" scan "$FIX/library"
t_run "--fail-on error: exit 0" 0 "$LA_BIN" scan --fail-on error "$FIX/library"
t_run "--fail-on never: exit 0" 0 "$LA_BIN" scan --fail-on never "$FIX"

# -o writes atomically, refuses to overwrite without --force
t_run "-o" 1 "$LA_BIN" scan "$FIX/library" --format json -o out.json
t_eq "-o: stdout empty" "$T_OUT" ""
t_has "-o: the file" "$(cat out.json)" '"rule": "blocking-sleep"'
t_run "-o again" 2 "$LA_BIN" scan "$FIX/library" --format json -o out.json
t_run "-o --force" 1 "$LA_BIN" scan "$FIX/library" --format json -o out.json --force
t_eq "no temporary files left" "$(ls | grep -c tmp)" "0"

# rule files: validated with file:line:col, PCRE2's message and where
cat >bad-re.yaml <<'Y'
rules:
  - id: my-rule
    severity: warning
    message: m
    pattern: 'foo(bar'
Y
t_run "bad pattern" 2 "$LA_BIN" scan --rules bad-re.yaml clean
t_has "bad pattern: located" "$T_ERR" "bad-re.yaml:5:"
t_has "bad pattern: PCRE2 says" "$T_ERR" "missing closing parenthesis"
t_has "bad pattern: offset" "$T_ERR" "at offset 7"
cat >bad-key.yaml <<'Y'
rules:
  - id: my-rule
    severity: warning
    message: m
    pattern: 'x'
    sevrity: error
Y
t_run "unknown key" 2 "$LA_BIN" scan --rules bad-key.yaml clean
t_has "unknown key: located" "$T_ERR" "bad-key.yaml:6:5: unknown key 'sevrity'"
cat >bad-sev.yaml <<'Y'
rules:
  - {id: my-rule, severity: loud, message: m, pattern: x}
Y
t_run "bad severity" 2 "$LA_BIN" scan --rules bad-sev.yaml clean
t_has "bad severity: located" "$T_ERR" "bad-sev.yaml:2:29: invalid severity 'loud'"
cat >dup.yaml <<'Y'
rules:
  - {id: blocking-sleep, severity: note, message: m, pattern: x}
Y
t_run "duplicate id" 2 "$LA_BIN" scan --rules dup.yaml clean
t_has "duplicate id message" "$T_ERR" "duplicate rule id 'blocking-sleep' (first defined at decision-trees/rules.yaml:"
printf 'rules: [\n' >broken.yaml
t_run "broken YAML" 2 "$LA_BIN" scan --rules broken.yaml clean
t_has "broken YAML: located" "$T_ERR" "broken.yaml:"

# a user rule, scoped to async code, with a prefilter
cat >mine.yaml <<'Y'
rules:
  - id: no-println
    severity: error
    scope: async
    pattern: '\bprintln!'
    prefilter: [println]
    message: use tracing, not println!, in handlers
Y
mkdir -p own/src
printf '[package]\nname = "o"\n' >own/Cargo.toml
cat >own/src/lib.rs <<'R'
pub async fn f() {
    println!("x");
}
pub fn g() {
    println!("y");
}
R
t_run "user rule" 1 "$LA_BIN" scan --rules mine.yaml own
t_has "user rule fires in async code" "$T_OUT" "own/src/lib.rs:2:5: error: use tracing, not println!, in handlers [no-println]"
t_hasnt "user rule respects its scope" "$T_OUT" "lib.rs:5:"

# project config: extra rule files, disable, severity
cp mine.yaml own/extra.yaml
cat >own/.lambda-advisor.yaml <<'Y'
rules: [extra.yaml]
severity: {no-println: note}
Y
t_run "config: rules + severity" 0 "$LA_BIN" scan own
t_has "config: severity changed" "$T_OUT" "note: use tracing"
printf 'rules: [extra.yaml]\ndisable: [no-println]\n' >own/.lambda-advisor.yaml
t_run "config: disable" 0 "$LA_BIN" scan own
t_hasnt "config: disabled rule silent" "$T_OUT" "no-println"
printf 'disable: [no-such-rule]\n' >own/.lambda-advisor.yaml
t_run "config: unknown rule" 2 "$LA_BIN" scan own
t_has "config: unknown rule located" "$T_ERR" ".lambda-advisor.yaml:1:11: unknown rule id 'no-such-rule'"
printf 'colour: red\n' >own/.lambda-advisor.yaml
t_run "config: unknown key" 2 "$LA_BIN" scan own
t_has "config: unknown key message" "$T_ERR" "unknown key 'colour'; valid keys: rules, disable, severity"
printf 'rules: [extra.yaml]\n' >own/.lambda-advisor.yaml
t_run "config: found above the root" 1 "$LA_BIN" scan own/src
t_has "config: above the root applies" "$T_OUT" "[no-println]"
t_run "config: found for a file root" 1 "$LA_BIN" scan own/src/lib.rs
t_has "config: file root applies" "$T_OUT" "[no-println]"
printf 'disable: [blocking-sleep]\n' >cfg.yaml
t_run "--config" 0 "$LA_BIN" scan --config cfg.yaml "$FIX/library"
t_hasnt "--config: disabled" "$T_OUT" "blocking-sleep"
rm own/.lambda-advisor.yaml

# the walk: target/, hidden, .gitignore, binary, size limit, symlink loops, explicit files
mkdir -p w/src w/target/debug w/.hidden w/gen w/src/deep/skipme
printf '[package]\nname = "w"\n' >w/Cargo.toml
BAD='pub async fn f() { std::thread::sleep(d); }'
for f in w/src/a.rs w/target/debug/t.rs w/.hidden/h.rs w/gen/g.rs w/src/deep/skipme/s.rs w/src/keep.rs w/src/big.rs; do
  echo "$BAD" >"$f"
done
printf 'gen/\n**/skipme\n*.rs\n!keep.rs\n!a.rs\n!big.rs\n!bin.rs\n' >w/.gitignore
head -c 3000 /dev/zero >>w/src/big.rs
printf 'fn x() {}\0\0binary' >w/src/bin.rs
ln -s .. w/src/loop
t_run "walk" 1 "$LA_BIN" scan w --max-filesize 2K
t_has "walk: a.rs scanned" "$T_OUT" "w/src/a.rs:1:"
t_has "walk: !keep.rs re-included" "$T_OUT" "w/src/keep.rs:1:"
t_hasnt "walk: target/ skipped" "$T_OUT" "target"
t_hasnt "walk: hidden skipped" "$T_OUT" ".hidden"
t_hasnt "walk: gitignored dir skipped" "$T_OUT" "gen/g.rs"
t_hasnt "walk: ** pattern" "$T_OUT" "skipme"
t_hasnt "walk: symlink not followed" "$T_OUT" "loop"
t_has "walk: size limit said" "$T_ERR" "w/src/big.rs: skipped:"
t_has "walk: binary said" "$T_ERR" "w/src/bin.rs: skipped: binary file"
t_has "walk: summary" "$T_ERR" "skipped 2 (1 over the 2048-byte size limit, 1 binary)"
t_run "explicit file" 1 "$LA_BIN" scan w/src/a.rs
t_has "explicit file scanned" "$T_OUT" "w/src/a.rs:1:"
if [ "$(id -u)" -ne 0 ]; then
  echo "$BAD" >w/src/locked.rs
  chmod 000 w/src/locked.rs
  t_run "unreadable" 1 "$LA_BIN" scan w
  t_has "unreadable said" "$T_ERR" "locked.rs: skipped: cannot read it"
  chmod 644 w/src/locked.rs
fi
# it never writes to what it scans
before=$(find "$FIX" -printf '%p %s %T@\n' | sort | md5sum)
"$LA_BIN" scan "$FIX" --format sarif >/dev/null 2>&1
after=$(find "$FIX" -printf '%p %s %T@\n' | sort | md5sum)
t_eq "the scanned tree is untouched" "$after" "$before"
# threads give the same result
"$LA_BIN" scan "$FIX" -j 1 --format json >one.json 2>/dev/null
"$LA_BIN" scan "$FIX" -j 4 --format json >four.json 2>/dev/null
t_eq "-j 1 and -j 4 agree" "$(cmp one.json four.json && echo same)" "same"
# a very long line is shown in part, around the span
mkdir -p long/src
printf '[package]\nname = "long"\n' >long/Cargo.toml
python3 -c "print('pub async fn f() { ' + 'let x = 1; ' * 40 + 'std::thread::sleep(d); ' + 'let y = 2; ' * 40 + '}')" >long/src/lib.rs
t_run "long line" 1 "$LA_BIN" scan long
t_has "long line: a window" "$T_OUT" " 1 | ...x = 1; let x = 1; let x = 1; let x = 1; std::thread::sleep(d); let y"
t_has "long line: the marker under the span" "$T_OUT" "$(printf '   |%44s^^^^^^^^^^^^^^^^^^^\n' '')"

# more files than the job queue holds: the walking thread scans some itself
mkdir -p many/src
printf '[package]\nname = "many"\n' >many/Cargo.toml
i=0
while [ $i -lt 1500 ]; do
  printf 'pub async fn f%d() { std::thread::sleep(d); }\n' $i >many/src/f$i.rs
  i=$((i + 1))
done
"$LA_BIN" scan many -j 1 --format json >many1.json 2>/dev/null
"$LA_BIN" scan many -j 3 --format json >many3.json 2>/dev/null
t_eq "1500 files: every one found" "$(grep -c '"rule": "blocking-sleep"' many3.json)" "1500"
t_eq "1500 files: -j 1 and -j 3 agree" "$(cmp many1.json many3.json && echo same)" "same"

# user pattern rules for Cargo.toml and deploy configs (kinds: cargo / deploy)
mkdir -p cfgrules/fn
cat >cfgrules/rules.yaml <<'Y'
rules:
  - id: git-dependency
    severity: warning
    kinds: [cargo]
    pattern: '\bgit\s*='
    message: a git dependency; pin a crates.io release
  - id: al2-runtime
    severity: error
    kinds: [deploy]
    pattern: 'provided\.al2\b'
    message: provided.al2 is deprecated; use provided.al2023
Y
cat >cfgrules/fn/Cargo.toml <<'T'
[package]
name = "fn"
[dependencies]
a = { git = "https://example.com/a" }
# b = { git = "https://example.com/b" }
c = { path = "a#b", git = "https://example.com/c" }
T
printf 'Resources:\n  F:\n    Properties:\n      Runtime: provided.al2  # not provided.al2 again\n' >cfgrules/fn/template.yaml
t_run "config pattern rules" 1 "$LA_BIN" scan cfgrules/fn --rules cfgrules/rules.yaml
t_has "cargo rule" "$T_OUT" "cfgrules/fn/Cargo.toml:4:7: warning: a git dependency; pin a crates.io release [git-dependency]"
t_hasnt "cargo rule: not in a comment" "$T_OUT" "Cargo.toml:5:"
t_has "cargo rule: a # in a string is no comment" "$T_OUT" "Cargo.toml:6:21:"
t_has "deploy rule" "$T_OUT" "cfgrules/fn/template.yaml:4:16: error: provided.al2 is deprecated"
t_eq "deploy rule: once" "$(printf '%s\n' "$T_OUT" | grep -c 'al2-runtime')" "1"

# hostile input: deep nesting, unbalanced brackets, endless look-aheads; it must stay fast
mkdir -p hostile
python3 - hostile <<'P'
import sys
d = sys.argv[1]
open(d + '/a.rs', 'w').write('async fn f() {' + 'g(|x| ' * 100000 + ' a().await;\n')
open(d + '/b.rs', 'w').write('async fn f() {' + 'for ' * 100000 + ' a().await;\n')
open(d + '/c.rs', 'w').write('async fn f() {' + (')' * 50000 + '.await; let a = x().await; ') * 20)
open(d + '/d.rs', 'w').write('async fn f() {' + 'for x in y { ' * 20000 + 'a().await;' + '}' * 20000)
open(d + '/e.rs', 'w').write('#[' * 50000 + 'r#"' + '/*' * 50000 + "'" * 50000)
P
t_run "hostile input" 0 timeout 60 "$LA_BIN" scan hostile --fail-on never --max-filesize 8M
t_has "hostile input scanned" "$T_ERR" "in 5 files"
t_done
