#!/usr/bin/env bash
# `advise` and `questions` as scripts use them: exit codes, messages, formats, files.
. "$LA_SRC/tests/lib.sh"
A=("$LA_BIN" advise)
full=(--answer workload=io --answer io_shape=fan_out --answer fan_out_size=few
      --answer event_source=sqs --answer batch_failures=yes --answer clients=http,dynamodb
      --answer goals=latency,cost --answer memory_mb=1024 --answer duration_ms=2000
      --answer native_deps=no)

# A full set of answers works, in both formats, and is deterministic.
t_run full-md 0 "${A[@]}" "${full[@]}"
md1=$T_OUT
t_has full-md "$md1" "# Lambda advice"
t_has full-md "$md1" "async-concurrent"
t_run full-md-again 0 "${A[@]}" "${full[@]}"
t_eq "same answers, same bytes" "$T_OUT" "$md1"
t_run full-json 0 "${A[@]}" "${full[@]}" --format json
json=$T_OUT
printf '%s' "$json" > "$T_TMP/a.json"
t_run json-valid 0 python3 - "$T_TMP/a.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["pattern"] == "async-concurrent", d["pattern"]
assert d["answers"]["workload"] == "io"
assert d["answers"]["clients"] == ["http", "dynamodb"], d["answers"]["clients"]
assert d["answers"]["memory_mb"] == 1024
assert "cpu_shape" not in d["answers"]  # not asked for an I/O workload
s = d["settings"]
assert s["architecture"] == "arm64"
assert isinstance(s["memory_mb"], int) and isinstance(s["timeout_s"], int)
assert s["timeout_s"] >= 2
for r in d["recommendations"]:
    assert set(("id", "category", "title", "markdown")) <= set(r), r
    assert "{{" not in r["markdown"], r["id"]
assert isinstance(d["files"], list)
PY

# Missing answers name the question and its valid values; --defaults fills them in.
t_run missing 2 "${A[@]}" --answer workload=io
t_has missing "$T_ERR" "no answer for question 'io_shape'"
t_has missing "$T_ERR" "fan_out, chain, single"
t_has missing "$T_ERR" "--defaults"
t_run defaults 0 "${A[@]}" --defaults

# Bad answers: unknown id, invalid value, number out of range, malformed option.
t_run unknown-id 2 "${A[@]}" --defaults --answer wrokload=io
t_has unknown-id "$T_ERR" "unknown question id 'wrokload'; valid ids: workload"
t_run bad-value 2 "${A[@]}" --defaults --answer workload=gpu
t_eq bad-value "$T_ERR" "lambda-advisor: invalid value 'gpu' for workload: valid values are io, cpu, mixed"
t_run out-of-range 2 "${A[@]}" --defaults --answer memory_mb=20000
t_eq out-of-range "$T_ERR" "lambda-advisor: invalid value '20000' for memory_mb: expected a whole number from 128 to 10240 MB"
t_run not-a-number 2 "${A[@]}" --defaults --answer duration_ms=fast
t_has not-a-number "$T_ERR" "invalid value 'fast' for duration_ms"
t_run bad-multi 2 "${A[@]}" --defaults --answer goals=latency,speed
t_has bad-multi "$T_ERR" "invalid value 'speed' for goals"
t_run no-equals 2 "${A[@]}" --answer workload
t_has no-equals "$T_ERR" "--answer takes ID=VALUE"
t_run bad-format 2 "${A[@]}" --defaults --format html
t_has bad-format "$T_ERR" "valid formats: markdown, json"
t_run unknown-option 2 "${A[@]}" --frobnicate
t_has unknown-option "$T_ERR" "unknown option '--frobnicate'"

# An answer the other answers leave unasked: a one-line warning, not an error.
t_run unasked 0 "${A[@]}" --defaults --answer workload=cpu --answer io_shape=fan_out
t_has unasked "$T_ERR" "warning: ignoring io_shape=fan_out"
t_eq "one line" "$(printf '%s\n' "$T_ERR" | wc -l)" 1

# --answers FILE: YAML, with errors placed at file:line:col; --answer overrides it.
cat > "$T_TMP/answers.yaml" <<'Y'
workload: cpu
cpu_shape: collection
event_source: s3
clients: [s3]
goals:
  - latency
memory_mb: 4096
duration_ms: 60000
native_deps: "no"
Y
t_run answers-file 0 "${A[@]}" --answers "$T_TMP/answers.yaml" --format json
t_has answers-file "$T_OUT" '"pattern": "spawn-blocking-rayon"'
t_run override 0 "${A[@]}" --answers "$T_TMP/answers.yaml" --answer cpu_shape=single_task --format json
t_has override "$T_OUT" '"pattern": "spawn-blocking"'
printf 'workload: io\nio_shape: sideways\n' > "$T_TMP/bad.yaml"
t_run answers-bad-value 2 "${A[@]}" --answers "$T_TMP/bad.yaml" --defaults
t_eq answers-bad-value "$T_ERR" "lambda-advisor: $T_TMP/bad.yaml:2:11: invalid value 'sideways' for io_shape: valid values are fan_out, chain, single"
printf 'workload: io\nflavour: vanilla\n' > "$T_TMP/bad2.yaml"
t_run answers-bad-id 2 "${A[@]}" --answers "$T_TMP/bad2.yaml" --defaults
t_has answers-bad-id "$T_ERR" "$T_TMP/bad2.yaml:2:1: unknown question id 'flavour'"
printf 'workload: [io\n' > "$T_TMP/bad3.yaml"
t_run answers-syntax 2 "${A[@]}" --answers "$T_TMP/bad3.yaml" --defaults
t_has answers-syntax "$T_ERR" "$T_TMP/bad3.yaml:2:1: YAML syntax error"
t_run answers-missing-file 2 "${A[@]}" --answers "$T_TMP/nope.yaml"
t_has answers-missing-file "$T_ERR" "$T_TMP/nope.yaml: cannot read: No such file or directory"

# -o writes atomically and refuses to overwrite without --force.
t_run write 0 "${A[@]}" --defaults -o "$T_TMP/advice.md"
t_eq write-content "$(cat "$T_TMP/advice.md")" "$("$LA_BIN" advise --defaults)"
echo "precious" > "$T_TMP/keep.md"
t_run no-clobber 2 "${A[@]}" --defaults -o "$T_TMP/keep.md"
t_has no-clobber "$T_ERR" "already exists; use --force"
t_eq kept "$(cat "$T_TMP/keep.md")" "precious"
t_run force 0 "${A[@]}" --defaults -o "$T_TMP/keep.md" --force
t_has force "$(cat "$T_TMP/keep.md")" "# Lambda advice"
t_eq "no temp files left" "$(ls -A "$T_TMP" | grep -c tmp)" 0

# The code is the same everywhere: JSON files, the Markdown report and `new` on disk.
t_run files-json 0 "${A[@]}" "${full[@]}" --format json -o "$T_TMP/f.json"
t_run files-md 0 "${A[@]}" "${full[@]}" -o "$T_TMP/f.md"
t_run files-new 0 "$LA_BIN" new "$T_TMP/proj" --name my-function "${full[@]}"
t_run same-code 0 python3 - "$T_TMP/f.json" "$T_TMP/f.md" "$T_TMP/proj" <<'PY'
import json, os, sys
d = json.load(open(sys.argv[1]))
md = open(sys.argv[2]).read()
paths = [f["path"] for f in d["files"]]
assert paths[:2] == ["src/main.rs", "Cargo.toml"], paths
for f in d["files"]:
    assert "### `%s`" % f["path"] in md, f["path"]
    assert f["content"] in md, f["path"]  # verbatim inside its fence
    on_disk = open(os.path.join(sys.argv[3], f["path"])).read()
    assert on_disk == f["content"], f["path"]
PY

# questions: every id, in text and JSON.
t_run questions 0 "$LA_BIN" questions
for id in workload io_shape fan_out_size cpu_shape event_source batch_failures clients goals memory_mb duration_ms native_deps; do
  t_has "questions lists $id" "$T_OUT" "$id ("
done
t_has "questions asked-when" "$T_OUT" "asked: workload is one of io, mixed"
t_run questions-json 0 "$LA_BIN" questions --format json
printf '%s' "$T_OUT" > "$T_TMP/q.json"
t_run questions-json-valid 0 python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d) >= 11; assert {q['id'] for q in d} >= {'workload','goals','memory_mb'}" "$T_TMP/q.json"
t_done
