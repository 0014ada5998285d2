#!/usr/bin/env python3
"""Generates a valid decision tree with N questions (for the loader benchmark).

Each question is a choice with three values, asked when the previous question is not 'c',
so that conditions, references and satisfiability checks are all exercised."""
import sys

n = int(sys.argv[1])
out = ["version: 1", "categories:", "  - { id: general, title: General }", "questions:"]
for i in range(n):
    out.append(f"  - id: q{i}")
    out.append("    kind: choice")
    out.append(f"    prompt: Question number {i}?")
    out.append("    default: a")
    if i:
        out.append(f"    when: {{ ne: {{ q{i-1}: c }} }}")
    out.append("    choices: [{value: a, label: A}, {value: b, label: B}, {value: c, label: C}]")
out += [
    "  - { id: mem, kind: number, prompt: Memory?, min: 128, max: 10240, default: 1024 }",
    "settings:",
    "  - id: pattern",
    "    kind: choice",
    "    title: Pattern",
    "    values: [async-concurrent, async-sequential]",
    "    rules:",
    "      - { when: { eq: { q0: a } }, value: async-concurrent }",
    "      - { value: async-sequential }",
    "  - { id: architecture, kind: choice, title: Arch, values: [arm64], rules: [ { value: arm64 } ] }",
    "  - { id: memory_mb, kind: number, title: Memory, rules: [ { value: { ref: mem } } ] }",
    "  - { id: timeout_s, kind: number, title: Timeout, rules: [ { value: 5 } ] }",
    "recommendations:",
]
for i in range(0, n, 10):
    out.append(f"  - {{ id: r{i}, category: general, title: R{i}, body: Body {i}, "
               f"when: {{ eq: {{ q{i}: b }} }} }}")
print("\n".join(out))
