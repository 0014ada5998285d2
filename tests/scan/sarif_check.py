#!/usr/bin/env python3
"""Checks the SARIF report of the fixture crates: valid against the SARIF 2.1.0 schema, and
shaped the way GitHub code scanning wants it (rules with help text, ruleIndex pointing at
the right rule, explicit columnKind, partialFingerprints that do not move when lines do)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema

LA = os.environ['LA_BIN']
SRC = os.environ['LA_SRC']
FIX = os.path.join(SRC, 'tests', 'scan', 'fixtures')
failures = []


def check(name, cond):
    if not cond:
        failures.append(name)


def sarif(cwd, *paths):
    out = subprocess.run([LA, 'scan', '--format', 'sarif', '--fail-on', 'never', *paths],
                         cwd=cwd, capture_output=True, text=True)
    check('scan exit %d: %s' % (out.returncode, out.stderr), out.returncode == 0)
    return json.loads(out.stdout)


def main():
    with open(os.path.join(SRC, 'tests', 'scan', 'data', 'sarif-schema-2.1.0.json')) as fh:
        schema = json.load(fh)
    doc = sarif(FIX, '.')
    try:
        jsonschema.validate(doc, schema)
    except jsonschema.ValidationError as e:
        failures.append('schema: %s at %s' % (e.message, list(e.absolute_path)))
    run = doc['runs'][0]
    rules = run['tool']['driver']['rules']
    check('columnKind', run.get('columnKind') == 'utf16CodeUnits')
    check('some results', len(run['results']) > 20)
    for r in rules:
        check('rule %s has help text' % r['id'], r.get('help', {}).get('text'))
        check('rule %s has a short description' % r['id'], r.get('shortDescription', {}).get('text'))
    fps = set()
    for res in run['results']:
        check('ruleIndex of %s' % res['ruleId'], rules[res['ruleIndex']]['id'] == res['ruleId'])
        fp = res.get('partialFingerprints', {}).get('primaryLocationLineHash')
        check('fingerprint present', fp)
        check('fingerprint unique: %s' % fp, fp not in fps)
        fps.add(fp)
        region = res['locations'][0]['physicalLocation']['region']
        check('1-based line', region['startLine'] >= 1 and region['startColumn'] >= 1)
        uri = res['locations'][0]['physicalLocation']['artifactLocation']['uri']
        check('relative uri %s' % uri, not uri.startswith('/') and not uri.startswith('file:'))
        for rel in res.get('relatedLocations', []):
            rloc = rel['physicalLocation']
            check('related location in the same file', rloc['artifactLocation']['uri'] == uri)
            check('related location after the finding',
                  rloc['region']['startLine'] > region['startLine'])
    # one handler building four clients (fixtures/lambda/src/clients.rs, lines 5-8): one
    # finding at the first, the other three as its related locations
    built = [r for r in run['results'] if r['ruleId'] == 'client-per-invocation' and
             r['locations'][0]['physicalLocation']['artifactLocation']['uri'].endswith(
                 'lambda/src/clients.rs') and
             r['locations'][0]['physicalLocation']['region']['startLine'] == 5]
    check('clients.rs: one finding at line 5', len(built) == 1)
    if built:
        check('clients.rs: lines 6, 7 and 8 related',
              [x['physicalLocation']['region']['startLine']
               for x in built[0].get('relatedLocations', [])] == [6, 7, 8])
    # fingerprints survive lines moving: prepend blank lines to every file of a copy
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, 'fixtures')
        shutil.copytree(FIX, copy)
        for base, _, files in os.walk(copy):
            for n in files:
                if n.endswith('.rs'):
                    p = os.path.join(base, n)
                    with open(p) as fh:
                        text = fh.read()
                    with open(p, 'w') as fh:
                        fh.write('\n\n\n' + text)
        moved = sarif(copy, '.')
        fps2 = {r['partialFingerprints']['primaryLocationLineHash']
                for r in moved['runs'][0]['results']}
        check('fingerprints stable when lines move', fps == fps2)
        lines = [r['locations'][0]['physicalLocation']['region']['startLine']
                 for r in moved['runs'][0]['results']
                 if r['locations'][0]['physicalLocation']['artifactLocation']['uri'].endswith('.rs')]
        check('lines did move', lines and min(lines) > 3)
    # UTF-16 columns: the golden crate has a non-ASCII character before a finding
    golden = sarif(os.path.join(SRC, 'tests', 'scan', 'golden'), 'crate')
    cols = {(r['ruleId'], r['locations'][0]['physicalLocation']['region']['startColumn'])
            for r in golden['runs'][0]['results']}
    check('utf-16 column after a 2-byte character: %s' % cols, ('unwrap-in-handler', 47) in cols)
    for f in failures:
        print('FAIL:', f)
    print('%d failures' % len(failures))
    return 1 if failures else 0


sys.exit(main())
