#!/usr/bin/env python3
"""Prints a pairwise covering set of answers for the compile check, one line per crate:
PATTERN<TAB>ID=VALUE<TAB>ID=VALUE...

Derived from the data, not from a hand list: the questions (`lambda-advisor questions`),
the advice (`lambda-advisor advise`) and the names the templates test in their sections.

- Direct factors are the questions the templates test whose `asked` condition is `always`
  or names another direct factor: their choice questions are crossed into one factor
  (e.g. event_source with batch_failures where it is asked) and each value of a
  multi-choice question is a yes/no factor (clients).
- Every other question is upstream: it shapes the code only through the advice. Every
  combination of their values (numbers at the default and the largest, which crosses
  every limit a rule tests: rayon's memory, the API's integration timeout, long work;
  multi-choice questions as each single value and all values) is advised once; the "profile" of an advice is what the templates can test of
  it: the pattern, the upstream choice answers (the project context derives names from
  them, e.g. `collection`), the string settings the templates test (rayon, architecture,
  opt_level...) and which number settings the templates name are shown (a setting with a
  `when`: `worker_timeout_s` is shown when the work outlasts the API, and the project is
  then the asynchronous split). Its fields are factors too, with only the combinations
  some advice produces.

Then a greedy (AETG-like) pass picks rows until every pair of values of two factors that
can occur together occurs in some row. Deterministic: same data, same rows.
"""
import concurrent.futures
import itertools
import json
import os
import re
import subprocess
import sys


def run(binary, *args):
    return subprocess.run([binary, *args], check=True, capture_output=True, text=True).stdout


# Every name a template tag uses ({{name}}, sections, partials), and the names the
# templates branch on: sections, and dynamic partials ({{>*event_source.handler}}: by source).
TAG_NAMES = r"\{\{[#^]?\s*([A-Za-z0-9_.-]+)"
BRANCH_NAMES = r"\{\{(?:[#^]|>\s*\*)\s*([A-Za-z0-9_.-]+)"


def template_names(root, pattern):
    """The first components of the names pattern finds in every template under root."""
    names = set()
    for dirpath, _, files in os.walk(root):
        for f in files:
            if f.endswith(".tpl"):
                with open(os.path.join(dirpath, f), encoding="utf-8") as fh:
                    names.update(re.findall(pattern, fh.read()))
    return {n.split(".")[0] for n in names}


def asked_on(q):
    """The question ids the `asked` text names ("always" names none)."""
    m = re.match(r"^(\w+) is (?:one of )?(.*)$", q["asked"])
    return m.group(1) if m else None


def is_asked(q, answers):
    if q["asked"] == "always":
        return True
    m = re.match(r"^(\w+) is (?:one of )?(.*)$", q["asked"])
    if not m:  # an expression we do not parse: assume asked (more rows, never fewer)
        return True
    values = [v.strip() for v in m.group(2).split(",")]
    return answers.get(m.group(1)) in values


def combos(questions, fixed=None):
    """Every combination of the questions' values (only asked questions get a value)."""
    out = [dict(fixed or {})]
    for q in questions:
        nxt = []
        for a in out:
            if not is_asked(q, a):
                nxt.append(a)
                continue
            for v in levels(q):
                b = dict(a)
                b[q["id"]] = v
                nxt.append(b)
        out = nxt
    return out


def levels(q):
    if q["kind"] == "number":
        d = int(q["default"])
        return [str(d), str(q["max"])]
    values = [c["value"] for c in q["choices"] if c["value"] != "none"]
    if q["kind"] == "multi":
        return values + [",".join(values)]
    return values


def main():
    binary, templates = sys.argv[1], sys.argv[2]
    questions = json.loads(run(binary, "questions", "--format", "json"))
    refs = template_names(templates, BRANCH_NAMES)
    named = template_names(templates, TAG_NAMES)
    byid = {q["id"]: q for q in questions}

    direct = []
    for q in questions:  # in tree order, so a condition's question comes first
        on = asked_on(q)
        if q["id"] in refs and (q["asked"] == "always" or on in [d["id"] for d in direct]):
            direct.append(q)
    direct_ids = {q["id"] for q in direct}
    choice_direct = [q for q in direct if q["kind"] != "multi"]
    multi_direct = [q for q in direct if q["kind"] == "multi"]
    upstream = [q for q in questions if q["id"] not in direct_ids]

    # Upstream combinations, advised with the first value of each direct question.
    base = []
    for q in direct:
        v = "none" if q["kind"] == "multi" else q["choices"][0]["value"]
        base.append(f"{q['id']}={v}")

    def advise(answers):
        args = ["advise", "--format", "json", "--defaults"]
        for a in base + [f"{k}={v}" for k, v in answers.items()]:
            args += ["--answer", a]
        return answers, json.loads(run(binary, *args))

    profiles = {}  # profile tuple -> upstream answers (the first that produced it)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for answers, adv in pool.map(advise, combos(upstream)):
            prof = [("pattern", adv["pattern"])]
            for k, v in sorted(adv["answers"].items()):
                if k not in direct_ids and isinstance(v, str):
                    prof.append((k, v))
            for k, v in sorted(adv["settings"].items()):
                if k in refs and isinstance(v, str):
                    prof.append(("setting." + k, v))
                elif k in named and not isinstance(v, str):
                    prof.append(("shown." + k, "yes"))
            profiles.setdefault(tuple(prof), answers)
    plist = sorted(profiles)
    print(f"covering.py: {len(plist)} profiles", file=sys.stderr)

    sources = [tuple(sorted(a.items())) for a in combos(choice_direct)]
    flags = [(q["id"], c["value"]) for q in multi_direct for c in q["choices"] if c["value"] != "none"]

    def features(prof, src, bits):
        f = [("p." + k, v) for k, v in prof] + [("source", src)]
        f += [(f"{q}.{v}", b) for (q, v), b in zip(flags, bits)]
        return f

    def pairs(feats):
        return {(a, b) for a, b in itertools.combinations(sorted(feats), 2)}

    # Pairs that can occur: profile-internal ones as some advice produced them; any
    # profile field with any source and any flag; any source with any flag; flag with flag.
    fl_feats = [[(f"{q}.{v}", b) for b in (False, True)] for q, v in flags]
    comps = sorted({("p." + k, v) for prof in plist for k, v in prof})
    need = set()
    for prof in plist:
        need |= pairs([("p." + k, v) for k, v in prof])
    groups = [[c for c in comps if c[0] == name] for name in sorted({c[0] for c in comps})]
    groups += [[("source", s) for s in sources]] + fl_feats
    for ga, gb in itertools.combinations(groups, 2):
        if ga[0][0].startswith("p.") and gb[0][0].startswith("p."):
            continue
        for x in ga:
            for y in gb:
                need.add(tuple(sorted([x, y])))

    rows = []
    while need:
        seed = min(need)
        best = None
        for prof in plist:
            for src in sources:
                # Flags greedily, each value chosen for the most new pairs with the rest.
                bits = []
                for i in range(len(flags)):
                    score = {}
                    for b in (False, True):
                        f = features(prof, src, bits + [b] + [False] * (len(flags) - i - 1))
                        score[b] = len(pairs(f) & need)
                    bits.append(score[True] > score[False])
                f = features(prof, src, bits)
                got = pairs(f) & need
                if seed not in got:
                    # Force the seed's flag, if the seed names one.
                    fixed = list(bits)
                    for x in seed:
                        for i, fl in enumerate(flags):
                            if x[0] == f"{fl[0]}.{fl[1]}":
                                fixed[i] = x[1]
                    f = features(prof, src, fixed)
                    got = pairs(f) & need
                    bits = fixed
                if seed in got and (best is None or len(got) > best[0]):
                    best = (len(got), prof, src, bits)
        if best is None:  # cannot happen: every needed pair comes from some row
            sys.exit(f"covering.py: no row covers {seed}")
        _, prof, src, bits = best
        need -= pairs(features(prof, src, bits))
        rows.append((prof, src, bits))

    for prof, src, bits in rows:
        answers = dict(profiles[prof])
        answers.update(dict(src))
        for q in multi_direct:
            on = [v for (qid, v), b in zip(flags, bits) if b and qid == q["id"]]
            answers[q["id"]] = ",".join(on) if on else "none"
        order = [q["id"] for q in questions]
        cells = [f"{k}={answers[k]}" for k in sorted(answers, key=order.index)]
        print("\t".join([dict(prof)["pattern"]] + cells))


if __name__ == "__main__":
    main()
