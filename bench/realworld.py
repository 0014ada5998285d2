#!/usr/bin/env python3
"""Scores `lambda-advisor scan` on real repositories against a reviewer's verdicts.

Each repository is scanned alone, from its own root (paths are repository-relative), as
the verdicts were made. A finding matches a verdict with the same repo, path and rule at
the same line, or failing that the nearest line within 3 (rules may move their anchor).

  realworld.py --bin BUILD/src/lambda-advisor --corpus DIR [--judgments F.tsv]...
               [--misses F.tsv]... [--repos F.tsv]... [--unjudged] [--show] [--rule R]

Corpus layout: DIR/<owner>__<name>/ holds each repository's tree at the listed commit.
Judgment files: TSV with a header; columns repo, path, line, rule, verdict (TP/FP), reason.
Miss files: TSV with columns repo, path, line, rule, reason. A miss of a crate-level rule
(no-tests, no-tracing: one finding per crate, at its `fn main`) is found by a finding of that
rule anywhere in the same file.
Prints per-rule counts, judged precision, the share of judged true findings kept, the misses
now found, and (with --unjudged) every finding that has no verdict yet, to be judged.
"""
import argparse, collections, csv, json, os, subprocess, sys

CRATE_RULES = ("no-tests", "no-tracing")

def read_tsv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))

def scan(bin_, repo_dir):
    p = subprocess.run([bin_, "scan", ".", "--format", "json", "--fail-on", "never"],
                       cwd=repo_dir, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"scan failed in {repo_dir} (exit {p.returncode}): {p.stderr.strip()}")
    out = p.stdout.strip()
    return json.loads(out) if out else []

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--repos", action="append", default=[])
    ap.add_argument("--judgments", action="append", default=[])
    ap.add_argument("--misses", action="append", default=[])
    ap.add_argument("--unjudged", action="store_true")
    ap.add_argument("--show", action="store_true", help="print every finding with its verdict")
    ap.add_argument("--rule")
    a = ap.parse_args()
    a.bin = os.path.abspath(a.bin)  # the scan runs from each repository's root

    repos = []
    for f in a.repos:
        for r in read_tsv(f):
            name = r["repository"].replace("/", "__")
            if name not in repos:
                repos.append(name)
    if not a.repos:
        repos = sorted(d for d in os.listdir(a.corpus) if os.path.isdir(os.path.join(a.corpus, d)))

    verdicts = collections.defaultdict(list)  # (repo, path, rule) -> [(line, verdict, reason)]
    for f in a.judgments:
        for r in read_tsv(f):
            verdicts[(r["repo"], r["path"], r["rule"])].append([int(r["line"]), r["verdict"], r["reason"], False])
    misses = [m for f in a.misses for m in read_tsv(f)]

    per = collections.defaultdict(collections.Counter)
    unjudged, found = [], []
    for repo in repos:
        d = os.path.join(a.corpus, repo)
        if not os.path.isdir(d):
            print(f"missing from corpus: {repo}", file=sys.stderr)
            continue
        for fd in scan(a.bin, d):
            if a.rule and fd["rule"] != a.rule:
                continue
            found.append((repo, fd))
            cands = verdicts.get((repo, fd["path"], fd["rule"]), [])
            best = None
            for v in cands:
                if v[3]:
                    continue
                dist = abs(v[0] - fd["line"])
                if dist <= 3 and (best is None or dist < abs(best[0] - fd["line"])):
                    best = v
            c = per[fd["rule"]]
            c["findings"] += 1
            if a.show:
                print(f"SHOW\t{best[1] if best else '-'}\t{repo}\t{fd['path']}\t{fd['line']}\t{fd['rule']}")
            if best:
                best[3] = True
                c[best[1]] += 1
            else:
                c["unjudged"] += 1
                unjudged.append((repo, fd))
    for (repo, path, rule), vs in verdicts.items():
        if repo not in repos or (a.rule and rule != a.rule):
            continue
        for v in vs:
            per[rule]["judged_" + v[1]] += 1
            if v[1] == "TP" and not v[3]:
                per[rule]["TP_lost"] += 1

    print(f"{'rule':26} {'find':>5} {'TP':>4} {'FP':>4} {'unj':>4} {'prec':>5} {'kept':>9}")
    tot = collections.Counter()
    for rule in sorted(per):
        c = per[rule]
        for k, v in c.items():
            tot[k] += v
        prec = c["TP"] / (c["TP"] + c["FP"]) if c["TP"] + c["FP"] else float("nan")
        kept = f"{c['TP']}/{c['judged_TP']}"
        print(f"{rule:26} {c['findings']:5} {c['TP']:4} {c['FP']:4} {c['unjudged']:4} {prec:5.2f} {kept:>9}")
    prec = tot["TP"] / (tot["TP"] + tot["FP"]) if tot["TP"] + tot["FP"] else float("nan")
    kept = tot["TP"] / tot["judged_TP"] if tot["judged_TP"] else float("nan")
    print(f"{'ALL':26} {tot['findings']:5} {tot['TP']:4} {tot['FP']:4} {tot['unjudged']:4} {prec:5.2f} "
          f"{tot['TP']}/{tot['judged_TP']} ({kept:.2f})")

    got = 0
    for m in misses:
        if m["repo"] not in repos or (a.rule and m["rule"] != a.rule):
            continue
        # crate-level rules report once per crate, anchored at its main: any line of the file
        anywhere = m["rule"] in CRATE_RULES
        hit = any(r == m["repo"] and fd["path"] == m["path"] and fd["rule"] == m["rule"]
                  and (anywhere or abs(fd["line"] - int(m["line"])) <= 3) for r, fd in found)
        got += hit
        print(f"miss {'FOUND' if hit else 'still missed'}: {m['repo']} {m['path']}:{m['line']} {m['rule']}")
    print(f"misses found: {got}/{len([m for m in misses if m['repo'] in repos and (not a.rule or m['rule'] == a.rule)])}")
    if a.unjudged:
        for repo, fd in unjudged:
            print(f"UNJUDGED\t{repo}\t{fd['path']}\t{fd['line']}\t{fd['rule']}\t{fd.get('snippet', '').strip()[:120]}")

if __name__ == "__main__":
    main()
