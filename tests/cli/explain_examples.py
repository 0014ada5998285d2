#!/usr/bin/env python3
"""Every explanation's examples agree with its rule: in a Lambda crate, the scan flags the
rule in the Before example and not in the After one. Rust examples only: the config rules'
examples are TOML and YAML fragments, and memory-too-low-for-rayon depends on the deploy
config; `check` validates their shape."""
import json
import os
import re
import subprocess
import sys
import tempfile

LA = os.environ['LA_BIN']
SRC = os.environ['LA_SRC']
EXPL = os.path.join(SRC, 'decision-trees', 'explain')
CARGO = '''[package]
name = "example"
version = "0.1.0"
edition = "2021"

[dependencies]
lambda_runtime = "0.13"
tokio = { version = "1", features = ["macros", "rt-multi-thread"] }
rayon = "1"
aws-sdk-dynamodb = "1"
'''
failures = []
checked = 0


def blocks(md, heading):
    part = md.split('## ' + heading, 1)[1].split('\n## ', 1)[0]
    return re.findall(r'```(\w*)\n(.*?)```', part, re.S)


def crate(root, name, code):
    d = os.path.join(root, name)
    os.makedirs(os.path.join(d, 'src'))
    open(os.path.join(d, 'Cargo.toml'), 'w').write(CARGO)
    stripped = code.lstrip()
    if not re.match(r'(async fn|fn|#\[|use|struct|//|mod|impl)', stripped):
        code = ('async fn handler(event: LambdaEvent<Request>) -> Result<(), Error> {\n' +
                code + '\n    Ok(())\n}\n')
    if re.search(r'\bfn handler\b', code) and not re.search(r'\bfn main\b', code):
        # the explanations show the handler; a real crate also registers it, and the scan
        # judges per-invocation code by what the runtime reaches from there
        code += ('\n#[tokio::main]\nasync fn main() -> Result<(), Error> {\n'
                 '    lambda_runtime::run(service_fn(handler)).await\n}\n')
    open(os.path.join(d, 'src', 'main.rs'), 'w').write(code)


# one crate per example, all scanned at once: {crate name: rules found}
with tempfile.TemporaryDirectory() as root:
    rules = []
    for name in sorted(os.listdir(EXPL)):
        rule = name[:-3]
        md = open(os.path.join(EXPL, name), encoding='utf-8').read()
        before = [c for lang, c in blocks(md, 'Before') if lang == 'rust']
        after = [c for lang, c in blocks(md, 'After') if lang == 'rust']
        if not before or not after or rule == 'memory-too-low-for-rayon':
            continue  # config rules; the memory rule depends on the deploy config
        crate(root, rule + '.before', before[0])
        crate(root, rule + '.after', after[0])
        rules.append(rule)
    out = subprocess.run([LA, 'scan', '--format', 'json', '--fail-on', 'never', '.'],
                         cwd=root, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit('scan failed: ' + out.stderr)
    found = {}
    for f in json.loads(out.stdout):
        found.setdefault(f['path'].lstrip('./').split('/')[0], set()).add(f['rule'])
    for rule in rules:
        checked += 1
        got = found.get(rule + '.before', set())
        if rule not in got:
            failures.append('%s: the Before example is not flagged (got %s)' % (rule, sorted(got)))
        if rule in found.get(rule + '.after', set()):
            failures.append('%s: the After example is still flagged' % rule)

if checked < 13:
    failures.append('only %d explanations checked' % checked)
for f in failures:
    print('FAIL:', f)
print('%d explanations checked, %d failures' % (checked, len(failures)))
sys.exit(1 if failures else 0)
