#!/usr/bin/env bash
# CI and editors: scan --format github against the workflow-command syntax, the
# pre-commit hook on a sample crate, and the documented GitHub Actions workflow (parses,
# has the expected steps, and the SARIF its scan step writes validates).
. "$LA_SRC/tests/lib.sh"
cd "$T_TMP"
FIX="$LA_SRC/tests/scan/fixtures/lambda"

# A parser of GitHub Actions workflow commands, as the runner reads them
# (::NAME k=v,k=v::DATA; data unescapes %25 %0D %0A, properties also %3A %2C); it checks
# every line and compares it with the JSON report of the same scan.
cat >parse.py <<'PY'
import json, re, sys
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
findings = json.load(open(sys.argv[2]))
assert lines[-1] == '', 'the report ends with a newline'
lines = lines[:-1]
assert len(lines) == len(findings), (len(lines), len(findings))
def unescape(s, prop):
    assert not re.search(r'%(?!25|0D|0A|3A|2C)', s), 'a bare %% in %r' % s
    s = s.replace('%0D', '\r').replace('%0A', '\n')
    if prop:
        s = s.replace('%3A', ':').replace('%2C', ',')
    return s.replace('%25', '%')
LEVEL = {'error': 'error', 'warning': 'warning', 'note': 'notice'}
for line, f in zip(lines, findings):
    m = re.fullmatch(r'::(error|warning|notice) ([^:]*)::(.*)', line)
    assert m, 'not a workflow command: %r' % line
    assert '\r' not in line and '\n' not in line
    props = {}
    for kv in m.group(2).split(','):
        k, _, v = kv.partition('=')
        assert k in ('file', 'line', 'col', 'endLine', 'endColumn', 'title'), k
        assert k not in props, 'duplicate ' + k
        props[k] = unescape(v, True)
    assert m.group(1) == LEVEL[f['severity']], (m.group(1), f['severity'])
    path = f['path'][2:] if f['path'].startswith('./') else f['path']
    assert props['file'] == path, (props['file'], path)
    assert props['title'] == f['rule']
    assert int(props['line']) == f['line'] and int(props['col']) == f['column']
    assert int(props['endLine']) == f['end_line']
    if 'endColumn' in props:
        assert f['end_line'] == f['line'] and int(props['endColumn']) == f['end_column']
    msg = unescape(m.group(3), False)
    assert msg.startswith(f['message']), (msg, f['message'])
    if f['fix']:
        assert f['fix'] in msg
    assert msg.endswith('(lambda-advisor explain %s)' % f['rule'])
print('ok', len(lines))
PY

t_run "github: findings" 1 "$LA_BIN" scan --format github "$FIX"
gh=$T_OUT
printf '%s\n' "$gh" >gh.txt
"$LA_BIN" scan --format json "$FIX" >gh.json 2>/dev/null
t_run "github: syntax and content" 0 python3 parse.py gh.txt gh.json
t_has "github: a warning" "$gh" "::warning file="
t_has "github: title is the rule" "$gh" ",title=blocking-sleep::"
t_run "github: notes only" 0 "$LA_BIN" scan --format github "$LA_SRC/tests/scan/fixtures/bare"
t_has "github: a notice" "$T_OUT" "::notice file="
t_hasnt "github: notes only: no warning" "$T_OUT" "::warning"
# absolute paths under GITHUB_WORKSPACE are made relative to it, as annotations need
t_run "github: workspace-relative" 0 env GITHUB_WORKSPACE="$LA_SRC/tests/scan/fixtures" \
  "$LA_BIN" scan --format github "$LA_SRC/tests/scan/fixtures/bare"
t_has "github: workspace-relative path" "$T_OUT" "::notice file=bare/src/main.rs,"

# Escaping: a path with , : % and a message and fix with % : , and newlines.
d='odd,dir:100%'
mkdir -p "$d"
printf 'fn handler() {\n    std::thread::sleep(d);\n}\n' >"$d/lib.rs"
cat >esc.yaml <<'Y'
rules:
  - id: esc-rule
    severity: error
    pattern: 'sleep'
    message: "100% sure: a, b\r\nand more"
    fix: "line one\nline two: 50%"
    recommendation: spawn-blocking
Y
t_run "github: escaping" 1 "$LA_BIN" scan --format github --rules esc.yaml "$d"
esc=$T_OUT
printf '%s\n' "$esc" >esc.txt
"$LA_BIN" scan --format json --rules esc.yaml "$d" >esc.json 2>/dev/null
t_run "github: escaped lines parse back" 0 python3 parse.py esc.txt esc.json
t_has "github: property escaped" "$esc" "file=odd%2Cdir%3A100%25/lib.rs,"
t_has "github: data escaped" "$esc" "::100%25 sure: a, b%0D%0Aand more%0A%0AFix: line one%0Aline two: 50%25"
t_has "github: error level" "$esc" "::error file=odd%2Cdir"

# The pre-commit hook: its entry, run as the framework runs it, on a sample crate.
HOOKS="$LA_SRC/.pre-commit-hooks.yaml"
t_run "pre-commit: hooks file" 0 python3 - "$HOOKS" <<'PY'
import sys, yaml
hooks = yaml.safe_load(open(sys.argv[1]))
assert isinstance(hooks, list) and len(hooks) == 1
h = hooks[0]
for k in ('id', 'name', 'entry', 'language'):
    assert k in h, k
assert h['id'] == 'lambda-advisor-scan' and h['entry'] == 'lambda-advisor scan'
assert h['language'] == 'system' and h['pass_filenames'] is False
import re
for f in ('src/main.rs', 'Cargo.toml', '.cargo/config.toml', 'template.yaml', 'serverless.yml'):
    assert re.search(h['files'], f), f
for f in ('README.md', 'src/data.json'):
    assert not re.search(h['files'], f), f
PY
mkdir -p bin && ln -s "$LA_BIN" bin/lambda-advisor
entry=$(python3 -c 'import sys,yaml; print(yaml.safe_load(open(sys.argv[1]))[0]["entry"])' "$HOOKS")
cp -r "$FIX" crate
t_run "pre-commit: entry on a crate with pitfalls" 1 env -C crate PATH="$T_TMP/bin:$PATH" $entry
t_has "pre-commit: entry reports" "$T_OUT" "[blocking-sleep]"
t_run "pre-commit: entry on a clean crate" 0 env -C "$LA_SRC/tests/scan/fixtures/bare" PATH="$T_TMP/bin:$PATH" $entry
if command -v pre-commit >/dev/null && command -v git >/dev/null; then
  # The framework itself, offline: try-repo clones the hooks repository locally.
  export PRE_COMMIT_HOME="$T_TMP/pre-commit-home" GIT_CONFIG_GLOBAL="$T_TMP/gitconfig"
  git config --global user.email t@example.invalid && git config --global user.name t
  git config --global init.defaultBranch main
  mkdir hooks && cp "$HOOKS" hooks/ && git -C hooks init -q && git -C hooks add -A &&
    git -C hooks commit -qm hooks
  git -C crate init -q && git -C crate add -A && git -C crate commit -qm crate
  t_run "pre-commit: framework finds the pitfalls" 1 env -C crate PATH="$T_TMP/bin:$PATH" \
    pre-commit try-repo "$T_TMP/hooks" lambda-advisor-scan --all-files
  t_has "pre-commit: framework output" "$T_OUT" "[blocking-sleep]"
  t_has "pre-commit: hook failed" "$T_OUT" "Failed"
  cp -r "$LA_SRC/tests/scan/fixtures/bare" clean && git -C clean init -q && git -C clean add -A &&
    git -C clean commit -qm clean
  t_run "pre-commit: framework passes a clean crate" 0 env -C clean PATH="$T_TMP/bin:$PATH" \
    pre-commit try-repo "$T_TMP/hooks" lambda-advisor-scan --all-files
  t_has "pre-commit: passed" "$T_OUT" "Passed"
fi

# The documented workflow: YAML with the expected steps; its SARIF step's command, run on
# a sample crate, writes SARIF that validates against the 2.1.0 schema.
WF="$LA_SRC/docs/github-actions.yml"
t_run "workflow: parses and has the steps" 0 python3 - "$WF" <<'PY'
import sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
on = wf.get('on', wf.get(True))
assert 'push' in on and 'pull_request' in on
job = wf['jobs']['scan']
assert job['permissions']['security-events'] == 'write'
steps = job['steps']
uses = [s.get('uses', '') for s in steps]
assert uses[0].startswith('actions/checkout@')
runs = [s.get('run', '') for s in steps]
assert any('meson install' in r for r in runs)
assert any('lambda-advisor scan --format github' in r for r in runs)
sarif_run = [r for r in runs if '--format sarif' in r][0]
up = [s for s in steps if s.get('uses', '').startswith('github/codeql-action/upload-sarif@')][0]
assert '-o ' + up['with']['sarif_file'] in sarif_run
assert up.get('if') == 'always()'
open('sarif-cmd.txt', 'w').write(sarif_run.strip())
PY
cmd=$(cat sarif-cmd.txt)
t_run "workflow: its SARIF command" 0 env -C crate PATH="$T_TMP/bin:$PATH" bash -c "$cmd"
t_run "workflow: the SARIF validates" 0 python3 - crate/lambda-advisor.sarif "$LA_SRC/tests/scan/data/sarif-schema-2.1.0.json" <<'PY'
import json, sys, jsonschema
doc = json.load(open(sys.argv[1]))
jsonschema.validate(doc, json.load(open(sys.argv[2])))
assert doc['runs'][0]['results'], 'findings expected'
PY
t_done
