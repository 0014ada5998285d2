#!/usr/bin/env python3
"""Scanning roots together gives exactly the union of scanning each alone: no finding of one
root is dropped because another is scanned too, and no root's template is linked to another
root's crate. Runs `scan` on every fixture project alone, then on several together."""
import json, os, subprocess, sys

BIN = os.environ["LA_BIN"]
FIX = os.path.join(os.environ["LA_SRC"], "tests", "scan_config", "fixtures")

def scan(roots):
    p = subprocess.run([BIN, "scan", *roots, "--format", "json", "--fail-on", "never"],
                       cwd=FIX, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"scan {' '.join(roots)}: exit {p.returncode}: {p.stderr}")
    return {(f["rule"], f["path"], f["line"], f["column"], f["severity"], f["message"])
            for f in json.loads(p.stdout or "[]")}

# the three projects built for it and the fixtures whose deploy configs link functions to
# crates in every way (CodeUri, build output, provided runtimes, other languages)
roots = ["union-a", "union-b", "union-c", "sam-defaults", "multi-fn", "arch-mismatch",
         "cargolambda-toml", "meta-vs-serverless", "go-and-rust", "go-only", "profile-in-config"]
alone = {r: scan([r]) for r in roots}
failed = 0
# the union property on the three projects built for it, each pair, and all of them at once
groups = [["union-a", "union-b"], ["union-a", "union-c"], ["union-b", "union-c"],
          ["union-a", "union-b", "union-c"], roots]
for g in groups:
    together = scan(g)
    union = set().union(*(alone[r] for r in g))
    for f in sorted(union - together):
        print(f"dropped when scanning {' '.join(g[:4])}{' ...' if len(g) > 4 else ''}: {f}")
        failed += 1
    for f in sorted(together - union):
        print(f"added when scanning {' '.join(g[:4])}{' ...' if len(g) > 4 else ''}: {f}")
        failed += 1
# and the finding the union must keep is there at all
if not any(f[0] == "memory-too-low-for-rayon" and f[1] == "union-a/template.yaml"
           for f in alone["union-a"]):
    print("union-a: the rayon finding of its unresolved CodeUri is missing")
    failed += 1
if alone["union-c"]:
    print(f"union-c: a template with no crate of its own gave findings: {alone['union-c']}")
    failed += 1
print(f"{len(groups)} groups of roots, {failed} differences")
sys.exit(1 if failed else 0)
