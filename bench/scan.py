#!/usr/bin/env python3
"""Benchmarks `lambda-advisor scan` against ripgrep and ast-grep on the same corpus.

Usage: bench/scan.py [--bin PATH] [--bench DIR] [--corpus DIR] [--runs N] [--astgrep-runs N]

  --bin      the lambda-advisor binary (default: build-bench-scan/src/lambda-advisor, built
             with --buildtype=release when missing)
  --bench    the shared benchmark inputs: rg-patterns.txt, astgrep/ (default: ../shared/bench)
  --corpus   the Rust sources to scan (default: /usr/share/cargo/registry; create it with
             `sh ../shared/bench/corpus.sh` as root)

Every command runs once to warm the page cache, then N times, round-robin (run r of each
command before run r + 1 of any, so that load on a shared machine hits all alike); the table
gives the median wall time, the ratio to `rg -c -t rust -f PATTERNS` measured in the same run, and the peak
resident memory (GNU time's %M; /usr/bin/time is needed). Prints a Markdown table for BENCHMARKS.md."""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_once(cmd, cwd):
    """Wall time, peak RSS in MB (GNU time's %M: the program's own, not Python's fork)."""
    with tempfile.NamedTemporaryFile('r') as tf:
        start = time.perf_counter()
        p = subprocess.run(['/usr/bin/time', '-f', '%M', '-o', tf.name, *cmd], cwd=cwd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        rss = int(tf.read().strip().splitlines()[-1]) / 1024.0
    return wall, rss, p.returncode


def measure_all(cmds):
    """Round-robin: run r of every command before run r + 1 of any, so that a busy machine
    slows them all alike. Returns (median, min, peak RSS) per command."""
    for _, cmd, cwd, _ in cmds:
        run_once(cmd, cwd)  # warm-up
    walls = [[] for _ in cmds]
    rss = [[] for _ in cmds]
    for r in range(max(c[3] for c in cmds)):
        for i, (_, cmd, cwd, runs) in enumerate(cmds):
            if r < runs:
                w, m, _ = run_once(cmd, cwd)
                walls[i].append(w)
                rss[i].append(m)
    return [(statistics.median(w), min(w), max(m)) for w, m in zip(walls, rss)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default=os.path.join(ROOT, 'build-bench-scan', 'src',
                                                  'lambda-advisor'))
    ap.add_argument('--bench', default=os.path.join(os.path.dirname(ROOT), 'shared', 'bench'))
    ap.add_argument('--corpus', default='/usr/share/cargo/registry')
    ap.add_argument('--runs', type=int, default=11)
    ap.add_argument('--astgrep-runs', type=int, default=3)
    a = ap.parse_args()
    if not os.path.exists(a.bin):
        d = os.path.dirname(os.path.dirname(a.bin))
        subprocess.run(['meson', 'setup', d, '--buildtype=release', '-Dtests=false'], cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run(['meson', 'compile', '-C', d], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    if not os.path.isdir(a.corpus):
        sys.exit('no corpus at %s: run `sh %s/corpus.sh` as root' % (a.corpus, a.bench))
    pats = os.path.join(a.bench, 'rg-patterns.txt')
    rg = shutil.which('rg')
    sg = shutil.which('ast-grep') or '/opt/ast-grep/bin/ast-grep'
    la = os.path.abspath(a.bin)
    cmds = []
    if rg:
        cmds.append(('rg -c -t rust -f rg-patterns.txt (%d threads)' % os.cpu_count(),
                     [rg, '-c', '-t', 'rust', '-f', pats, a.corpus], None, a.runs))
        cmds.append(('rg -j1 -c -t rust -f rg-patterns.txt',
                     [rg, '-j1', '-c', '-t', 'rust', '-f', pats, a.corpus], None, a.runs))
    cmds.append(('lambda-advisor scan --format json (%d threads)' % os.cpu_count(),
                 [la, 'scan', a.corpus, '--format', 'json', '--fail-on', 'never'], None, a.runs))
    cmds.append(('lambda-advisor scan --format json -j 1',
                 [la, 'scan', a.corpus, '--format', 'json', '--fail-on', 'never', '-j', '1'],
                 None, a.runs))
    if os.path.exists(sg):
        cmds.append(('ast-grep scan -c sgconfig.yml',
                     [sg, 'scan', '-c', 'sgconfig.yml', a.corpus],
                     os.path.join(a.bench, 'astgrep'), a.astgrep_runs))
    results = []
    for (name, _, _, runs), (med, best, rss) in zip(cmds, measure_all(cmds)):
        results.append((name, med, best, rss, runs))
        print('measured %-50s median %.3f s' % (name, med), file=sys.stderr)
    base = results[0][1] if rg else None
    print('| Command | Runs | Median [s] | Min [s] | Ratio to rg | Peak RSS [MB] |')
    print('|:---|---:|---:|---:|---:|---:|')
    for name, med, best, rss, runs in results:
        ratio = '%.2f' % (med / base) if base else '-'
        print('| `%s` | %d | %.3f | %.3f | %s | %.1f |' % (name, runs, med, best, ratio, rss))
    return 0


if __name__ == '__main__':
    sys.exit(main())
