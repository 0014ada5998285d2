#!/usr/bin/env bash
# The README tells no lies: its rule table matches the rule files, every example command
# in it runs (no usage error), every command it lists has --help, and every repository path
# it names exists.
. "$LA_SRC/tests/lib.sh"
README="$LA_SRC/README.md"
t_run "rule table matches the rule files" 0 python3 "$LA_SRC/scripts/readme_rules.py" --check "$LA_SRC"
cd "$T_TMP"
mkdir bin && ln -s "$LA_BIN" bin/lambda-advisor
export PATH="$T_TMP/bin:$PATH"
cp -r "$LA_SRC/tests/scan/fixtures/lambda" work && cd work && mkdir services &&
  cp -r "$LA_SRC/tests/scan/fixtures/lambda" services/fn

# every indented "lambda-advisor ..." line (with its \ continuations), but the bare
# guided session, which needs a terminal (tests/tui runs it)
python3 - "$README" >"$T_TMP/cmds.txt" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
i = 0
while i < len(lines):
    l = lines[i]
    if l.startswith('    lambda-advisor'):
        cmd = l.strip()
        while cmd.endswith('\\'):
            i += 1
            cmd = cmd[:-1] + ' ' + lines[i].strip()
        cmd = re.sub(r'\s+#.*$', '', cmd)
        if cmd != 'lambda-advisor':
            print(cmd)
    i += 1
PY
n=0
while read -r cmd; do
  n=$((n + 1))
  bash -c "$cmd" >/dev/null 2>"$T_TMP/err"
  rc=$?
  if [ "$rc" -le 1 ]; then t_ok; else t_bad "README example exits $rc: $cmd: $(cat "$T_TMP/err")"; fi
done <"$T_TMP/cmds.txt"
[ "$n" -ge 8 ] && t_ok || t_bad "README: only $n example commands found"
for w in advise new scan check explain; do
  grep -q "^lambda-advisor $w" "$T_TMP/cmds.txt" && t_ok || t_bad "README: no example of $w"
done
grep -q '^    lambda-advisor  ' "$README" && t_ok || t_bad "README: no example of the guided session"

# the text report's finding lines are in the GNU form editors' compile modes read
lambda-advisor scan --color=never "$LA_SRC/tests/scan/fixtures/lambda" >"$T_TMP/text.txt" 2>/dev/null
n=$(grep -cE '^[^: ]+:[0-9]+:[0-9]+: (error|warning|note): .+ \[[a-z0-9-]+\]$' "$T_TMP/text.txt")
nj=$(lambda-advisor scan --format json "$LA_SRC/tests/scan/fixtures/lambda" 2>/dev/null | grep -c '"rule"')
t_eq "GNU error lines, one per finding" "$n" "$nj"

# the command table: every command exists and has --help
for c in $(grep -oE '^\| `lambda-advisor [a-z]+' "$README" | awk '{print $3}'); do
  t_run "README command $c --help" 0 "$LA_BIN" "$c" --help
done

# repository paths it names
for p in $(grep -oE '`(bench|completions|decision-trees|docs|scripts|src|templates|tests)/[^` ]*`' "$README" |
  tr -d '`' | grep -vE '\*|RULE|team' | sort -u); do
  [ -e "$LA_SRC/$p" ] && t_ok || t_bad "README names $p, which does not exist"
done
for f in .pre-commit-hooks.yaml docs/github-actions.yml; do
  grep -q "$f" "$README" && [ -e "$LA_SRC/$f" ] && t_ok || t_bad "README: $f"
done
t_done
