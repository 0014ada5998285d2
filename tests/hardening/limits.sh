#!/usr/bin/env bash
# Hostile inputs (made by gen.py, nothing large is committed) end quickly with a clear
# outcome: no quadratic blow-up, no blocking on a FIFO, no unbounded read of a device.
# Each case runs under `timeout`: before the fixes they took minutes or blocked for ever.
. "$LA_SRC/tests/lib.sh"
G="$LA_SRC/tests/hardening/gen.py"
# limited NAME SECONDS EXPECTED_EXIT ARGS...: the command ends within SECONDS (generous:
# the sanitizer build is several times slower) with the expected exit code.
limited() {
  local name=$1 secs=$2 want=$3
  shift 3
  t_run "$name" "$want" timeout -k 1 "$secs" "$LA_BIN" "$@"
}
cd "$T_TMP" || exit 1

# --- 1. quadratic or worse ---
python3 "$G" yaml-keys 150000 keys.yaml          # 2 MB, 150k keys in one mapping
limited yaml-keys 20 2 check keys.yaml
t_has "yaml-keys: the rule file's first problem is named" "$T_ERR" "keys.yaml:3:5: unknown key 'k0'"
printf 'rules:\n  - id: a\n    id: b\n' >dup.yaml
t_run yaml-dup 2 "$LA_BIN" check dup.yaml
t_has "yaml-dup: still found" "$T_ERR" "dup.yaml:3:5: duplicate key 'id'"

python3 "$G" gitignore 3000 gi                    # 3000 lines of *a*a*...*b against long names
limited gitignore 20 0 scan gi
t_has "gitignore: every file is scanned" "$T_ERR" "in 20 files"

mkdir -p gb
python3 -c "print('*' + 'a' * 200 + 'b')" >gb/.gitignore # the star algorithm's worst case
echo 'fn main() {}' >"gb/$(python3 -c "print('a' * 240)").rs"
limited gitignore-budget 10 0 scan gb
t_has "gitignore-budget: said" "$T_ERR" "is too costly to match"
t_has "gitignore-budget: the file is scanned" "$T_ERR" "in 1 file"

mkdir -p dep/src
# reqwest: a crate that waits on other hosts, so an unset timeout is a finding per function
printf '[package]\nname = "d"\nversion = "0.1.0"\n[dependencies]\nlambda_runtime = "0.13"\nreqwest = { version = "0.12", default-features = false }\n' >dep/Cargo.toml
echo 'fn main() {}' >dep/src/main.rs
python3 "$G" deploy 10000 dep/template.yaml      # 1.6 MB, 10k functions, 20k findings
limited deploy 30 1 scan dep --format json -o dep.json
t_has "deploy: all findings" "$T_ERR" "20003 findings"

mkdir -p cg/src
echo 'fn main() {}' >cg/src/main.rs
python3 "$G" cargo 65000 cg/Cargo.toml            # 970 KB, 65k dependencies
limited cargo 15 0 scan cg
t_has "cargo: the manifest is checked" "$T_ERR" "in 1 file"
t_hasnt "cargo: not skipped" "$T_ERR" "skipped"

# --- 2. memory: findings on one long line keep a bounded excerpt, not the whole line ---
# A rule reports one finding per line, so many findings on one line take many rules: 400 user
# rules, each matching its own marker once on one 460 KB line (without the excerpt: 400
# copies of the line).
python3 - <<'PY'
n = 400
with open("long.yaml", "w") as f:
    f.write("rules:\n")
    for i in range(n):
        f.write(f"  - id: user-rule-{i}\n    severity: warning\n    title: rule {i}\n"
                f"    message: matched {i}\n    pattern: 'marker{i}x'\n    prefilter: ['marker']\n")
with open("long.rs", "w") as f:
    f.write("fn f() { " + "".join(f"marker{i}x(); " + " " * 1130 for i in range(n)) + "}\n")
PY
limited longline 40 1 scan long.rs --rules long.yaml --format sarif -o long.sarif
t_has "longline: all findings" "$T_ERR" "400 findings"
last=$(python3 -c 'import json,sys; rs=json.load(open(sys.argv[1]))["runs"][0]["results"]
g=max((r["locations"][0]["physicalLocation"]["region"] for r in rs), key=lambda g: g["startColumn"])
print(g["startColumn"], max(len(r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]) for r in rs) <= 512)' long.sarif)
want=$(python3 -c 'print(open("long.rs").read().index("marker399x") + 1)')
t_eq "longline: the last column is exact and every snippet bounded" "$last" "$want True"

# --- 3. nothing blocks: FIFOs where the scan reads files ---
if command -v mkfifo >/dev/null; then
  mkdir -p f1/src f2 f3 f4
  echo 'fn main() {}' | tee f1/src/main.rs f2/x.rs f3/x.rs >/dev/null
  mkfifo f1/Cargo.toml f2/.gitignore f3/.lambda-advisor.yaml f4/rules.yaml
  limited fifo-cargo 10 0 scan f1
  t_has "fifo-cargo: said" "$T_ERR" "f1/Cargo.toml: cannot read: not a regular file"
  limited fifo-gitignore 10 0 scan f2
  limited fifo-config 10 2 scan f3
  t_has "fifo-config: said" "$T_ERR" "f3/.lambda-advisor.yaml: cannot read: not a regular file"
  limited fifo-rules 10 2 scan --rules f4/rules.yaml f2
  t_has "fifo-rules: said" "$T_ERR" "f4/rules.yaml: cannot read: not a regular file"
  limited fifo-check 10 2 check f4/rules.yaml
fi

# --- 3. no lost rules: all rules that pass the prefilter run; a failing pattern is said ---
python3 "$G" rules 100 r100.yaml                  # 100 rules, all pass r100.rs's prefilter
t_run rules-100 0 "$LA_BIN" scan --rules r100.yaml r100.rs --format json
t_eq "rules-100: every rule ran" "$(grep -c '"rule": "user-rule-' <<<"$T_OUT")" 100
mkdir -p bt
python3 "$G" backtrack 2000 bt/hostile.yaml       # 2000 lines that make (\w+\s?)+;; explode
printf 'fn ok() { x;; }\n' >bt/ok.rs
limited backtrack 20 1 scan --rules bt/hostile.yaml bt/hostile.rs bt/ok.rs
t_has "backtrack: said once, where" "$T_OUT" "bt/hostile.rs:1:1: note: the pattern of rule 'user-backtrack' ran out of its step budget"
t_eq "backtrack: said once" "$(grep -c 'ran out of its step budget' <<<"$T_OUT")" 1
t_has "backtrack: the rule goes on in other files" "$T_OUT" "bt/ok.rs:1:11: warning: nested quantifier"

# --- 2. a device is never read: a symlink to /dev/zero ---
ln -s /dev/zero zero.yaml
limited zero-check 10 2 check zero.yaml
t_has "zero-check: said" "$T_ERR" "zero.yaml: cannot read: not a regular file"
limited zero-answers 10 2 advise --answers zero.yaml
mkdir -p data
cp -r "$LA_SRC/decision-trees" "$LA_SRC/templates" data/
ln -sf /dev/zero data/decision-trees/rules.yaml
LAMBDA_ADVISOR_DATA=$PWD/data limited zero-data 10 2 scan --list-rules
t_has "zero-data: said" "$T_ERR" "decision-trees/rules"
t_done
