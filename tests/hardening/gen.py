#!/usr/bin/env python3
"""Makes the hostile inputs of the hardening tests, so that no large file is committed.

usage: gen.py KIND N OUT
  yaml-keys   a YAML mapping with N distinct keys (a would-be rule file)
  gitignore   OUT/ a tree: a .gitignore of N pathological glob lines and 20 .rs files
  deploy      a template.yaml (SAM) with N functions
  cargo       a Cargo.toml with N dependencies
  longline    a Rust file whose one line holds N findings (Runtime::new in a handler)
  rules       OUT.yaml: N rules whose prefilters all pass OUT.rs, which matches each once
  backtrack   OUT.yaml: a rule with a nested quantifier; OUT.rs: N lines that make it backtrack
"""
import os
import sys


def main():
    kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if kind == "yaml-keys":
        with open(out, "w") as f:
            f.write("rules:\n  - id: x\n")
            for i in range(n):
                f.write(f"    k{i}: v\n")
    elif kind == "gitignore":
        os.makedirs(out, exist_ok=True)
        # many stars against long names: exponential for a backtracking matcher
        pat = "*a" * 30 + "*b"
        with open(os.path.join(out, ".gitignore"), "w") as f:
            for i in range(n):
                f.write(f"{pat}{i % 10}\n")
        for i in range(20):
            with open(os.path.join(out, "a" * 100 + f"{i}.rs"), "w") as f:
                f.write("fn main() {}\n")
    elif kind == "deploy":
        with open(out, "w") as f:
            f.write("AWSTemplateFormatVersion: '2010-09-09'\n"
                    "Transform: AWS::Serverless-2016-10-31\nResources:\n")
            for i in range(n):
                f.write(f"  Fn{i}:\n    Type: AWS::Serverless::Function\n"
                        f"    Properties:\n      Runtime: provided.al2023\n"
                        f"      Handler: bootstrap\n      MemorySize: 128\n      Timeout: 3\n")
    elif kind == "cargo":
        with open(out, "w") as f:
            f.write('[package]\nname = "big"\nversion = "0.1.0"\nedition = "2021"\n\n'
                    '[dependencies]\nlambda_runtime = "0.13"\ntokio = { version = "1", '
                    'features = ["macros"] }\n')
            for i in range(n):
                f.write(f'dep{i} = "1"\n')
    elif kind == "longline":
        with open(out, "w") as f:
            f.write("use lambda_runtime::{service_fn, LambdaEvent, Error};\n"
                    "async fn handler(e: LambdaEvent<()>) -> Result<(), Error> { ")
            f.write("std::thread::sleep(d); " * n)
            f.write("Ok(()) }\n")
    elif kind == "rules":
        with open(out, "w") as f:
            f.write("rules:\n")
            for i in range(n):
                f.write(f"  - id: user-rule-{i}\n    severity: note\n"
                        f"    title: rule {i}\n    message: matched {i}\n"
                        f"    pattern: 'marker{i}\\b'\n    prefilter: ['marker']\n")
        with open(out.replace(".yaml", ".rs"), "w") as f:
            f.write("fn main() {\n")
            for i in range(n):
                f.write(f"    let marker{i} = {i};\n")
            f.write("}\n")
    elif kind == "backtrack":
        with open(out, "w") as f:
            f.write("rules:\n  - id: user-backtrack\n    severity: warning\n"
                    "    message: nested quantifier\n    pattern: '(\\w+\\s?)+;;'\n")
        with open(out.replace(".yaml", ".rs"), "w") as f:
            for i in range(n):
                f.write(f"fn f{i}() {{ let abc def ghi jkl mno pqr stu vwx yz = a b c d e f g h; }}\n")
            f.write("fn g() { x;; }\n")
    else:
        sys.exit(f"unknown kind {kind}")


main()
