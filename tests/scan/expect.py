#!/usr/bin/env python3
"""Scans the fixture crates and compares the findings with the //~ RULE marks in them.

`//~ a b` on a line expects findings of rules a and b on that line; `//~v a` expects them on
the next line; a line `//~m TEXT` expects TEXT in the message of a finding on the line above. Only the Rust-source rules are compared (the config rules have their own
tests). Exit 0 when the findings are exactly the marked ones."""
import json
import os
import re
import subprocess
import sys

SRC_RULES = {
    'blocking-sleep', 'blocking-fs', 'blocking-http', 'block-on-in-async', 'cpu-in-async',
    'client-per-invocation', 'runtime-per-invocation', 'sequential-awaits', 'await-in-loop',
    'unwrap-in-handler', 's3-key-not-decoded', 'no-tracing', 'no-tests', 'unused-suppression',
}

def main():
    la = os.environ['LA_BIN']
    root = os.path.join(os.environ['LA_SRC'], 'tests', 'scan', 'fixtures')
    expected = set()
    messages = []
    for base, dirs, files in os.walk(root):
        for name in files:
            if not name.endswith('.rs'):
                continue
            path = os.path.join(base, name)
            rel = os.path.relpath(path, root)
            with open(path, encoding='utf-8') as fh:
                for n, line in enumerate(fh, 1):
                    mm = re.search(r'//~m (.+)$', line.rstrip('\n'))
                    if mm:
                        messages.append((rel, n - 1, mm.group(1)))
                        continue
                    m = re.search(r'//~(v?) ([a-z0-9 -]+)$', line.rstrip('\n'))
                    if m:
                        for rule in m.group(2).split():
                            expected.add((rel, n + (1 if m.group(1) else 0), rule))
    out = subprocess.run([la, 'scan', '--format', 'json', '--fail-on', 'never', '.'], cwd=root,
                         capture_output=True, text=True)
    if out.returncode != 0:
        print('scan failed:', out.returncode, out.stderr)
        return 1
    actual = set()
    found = json.loads(out.stdout)
    for f in found:
        if f['rule'] in SRC_RULES:
            actual.add((f['path'], f['line'], f['rule']))
    bad = 0
    for path, line, text in messages:
        if not any(f['path'] == path and f['line'] == line and text in f['message'] for f in found):
            print('message without %r: %s:%d' % (text, path, line))
            bad += 1
    for e in sorted(expected - actual):
        print('missed: %s:%d: %s' % e)
        bad += 1
    for a in sorted(actual - expected):
        print('unexpected: %s:%d: %s' % a)
        bad += 1
    print('%d expected findings, %d found, %d differences' % (len(expected), len(actual), bad))
    return 1 if bad else 0

sys.exit(main())
