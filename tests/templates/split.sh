#!/usr/bin/env bash
# The asynchronous split (issue 8, item 4): when the work outlasts the API's integration
# timeout, `new` writes two functions (accept: 202 + SQS; worker: the work from the queue)
# whose settings are the advice's: the accept function's timeout is `timeout_s`, the
# worker's `worker_timeout_s`, the queue's visibility timeout at least
# `worker_visibility_timeout_s`. Other cases keep one function.
. "$(dirname "$0")/../lib.sh"

D=$T_TMP/work
mkdir -p "$D"

# The settings and files of one case: "NAME OK|FAIL: what" lines from a Python check that
# reads the advice's JSON, template.yaml (SAM's tags accepted) and Cargo.toml.
check_split() {
  local name=$1 dir=$2 api=$3
  shift 3
  "$LA_BIN" advise --format json "$@" >"$T_TMP/$name.json" || t_bad "$name: advise failed"
  python3 - "$T_TMP/$name.json" "$dir" "$api" >"$T_TMP/$name.out" 2>&1 <<'EOF'
import json, sys, tomllib, yaml

adv = json.load(open(sys.argv[1]))
d, api = sys.argv[2], sys.argv[3]
s = adv["settings"]

class Loader(yaml.SafeLoader):
    pass
Loader.add_multi_constructor("!", lambda loader, tag, node: [tag, loader.construct_scalar(node)]
                             if isinstance(node, yaml.ScalarNode) else [tag])
sam = yaml.load(open(f"{d}/template.yaml"), Loader=Loader)["Resources"]
cargo = tomllib.load(open(f"{d}/Cargo.toml", "rb"))

def check(what, ok):
    print(("OK " if ok else "FAIL ") + what)

accept, worker, queue = sam.get("AcceptFunction"), sam.get("WorkerFunction"), sam.get("Queue")
check("no single Function", "Function" not in sam)
check("AcceptFunction, WorkerFunction and the queue", bool(accept and worker and queue))
ap, wp = accept["Properties"], worker["Properties"]
check("accept's timeout is timeout_s", ap["Timeout"] == s["timeout_s"])
check("accept's timeout is the API's limit", ap["Timeout"] == (29 if api == "api_gateway_rest" else 30))
check("worker's timeout is worker_timeout_s", wp["Timeout"] == s["worker_timeout_s"])
check("worker's timeout outlasts the API's", wp["Timeout"] > ap["Timeout"])
vis = queue["Properties"]["VisibilityTimeout"]
check("visibility >= worker_visibility_timeout_s", vis >= s["worker_visibility_timeout_s"])
check("visibility >= 6 x the worker's timeout", vis >= 6 * wp["Timeout"])
check("a dead-letter queue", queue["Properties"]["RedrivePolicy"]["deadLetterTargetArn"]
      == ["GetAtt", "DeadLetterQueue.Arn"] and "DeadLetterQueue" in sam)
check("binaries", accept["Metadata"]["BuildProperties"]["Binary"] == "accept"
      and worker["Metadata"]["BuildProperties"]["Binary"] == "worker")
ev = list(ap["Events"].values())[0]
check("accept has the API event", ev["Type"] == ("Api" if api == "api_gateway_rest" else "HttpApi"))
check("accept knows the queue", ap["Environment"]["Variables"]["WORK_QUEUE_URL"] == ["Ref", "Queue"])
check("accept may send to it", ap["Policies"] == [{"SQSSendMessagePolicy": {"QueueName": ["GetAtt", "Queue.QueueName"]}}])
wev = list(wp["Events"].values())[0]
check("worker is triggered by the queue", wev["Type"] == "SQS" and wev["Properties"]["Queue"] == ["GetAtt", "Queue.Arn"])
check("partial batch responses", wev["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"])
check("long work: one message per invocation", wev["Properties"]["BatchSize"] == (1 if wp["Timeout"] >= 60 else 10))
check("same memory", ap["MemorySize"] == wp["MemorySize"] == s["memory_mb"])
bins = {b["name"]: b["path"] for b in cargo["bin"]}
check("two bins", bins == {"accept": "src/bin/accept.rs", "worker": "src/main.rs"})
check("aws-sdk-sqs", "aws-sdk-sqs" in cargo["dependencies"] and "aws-config" in cargo["dependencies"])
check("lambda_http and lambda_runtime", "lambda_http" in cargo["dependencies"] and "lambda_runtime" in cargo["dependencies"])
check("mocked SQS in the tests", "test-util" in cargo["dev-dependencies"]["aws-sdk-sqs"]["features"])
dep = cargo["package"]["metadata"]["lambda"]["bin"]
check("cargo lambda deploy: accept", dep["accept"]["deploy"] == {"memory": s["memory_mb"], "timeout": s["timeout_s"]})
check("cargo lambda deploy: worker", dep["worker"]["deploy"] == {"memory": s["memory_mb"], "timeout": s["worker_timeout_s"]})
EOF
  [ -s "$T_TMP/$name.out" ] || t_bad "$name: the check printed nothing"
  while read -r verdict what; do
    [ "$verdict" = OK ] && t_ok || t_bad "$name: $verdict $what"
  done <"$T_TMP/$name.out"
}

for case in "rest api_gateway_rest 45000" "http http 40000" "long api_gateway_rest 700000"; do
  read -r name api ms <<<"$case"
  args=(--defaults --answer workload=io --answer io_shape=chain --answer "event_source=$api"
    --answer clients=http,dynamodb --answer goals=latency --answer memory_mb=512
    --answer "duration_ms=$ms")
  t_run "$name: new" 0 "$LA_BIN" new "$D/$name" "${args[@]}"
  t_has "$name: eight files" "$T_OUT" "wrote 8 files"
  for f in src/main.rs src/bin/accept.rs "events/$api.json" events/sqs.json template.yaml; do
    [ -f "$D/$name/$f" ] && t_ok || t_bad "$name: $f missing"
  done
  check_split "$name" "$D/$name" "$api" "${args[@]}"

  accept=$(cat "$D/$name/src/bin/accept.rs")
  main=$(cat "$D/$name/src/main.rs")
  t_has "$name: accept answers 202" "$accept" 'json_response(202, &serde_json::json!({ "id": id }))'
  t_has "$name: accept sends the body" "$accept" ".message_body(work)"
  t_has "$name: accept reads the queue's URL" "$accept" 'std::env::var("WORK_QUEUE_URL")?'
  t_has "$name: accept's client has timeouts" "$accept" ".timeout_config(sdk_timeouts())"
  t_has "$name: accept logs the error chain" "$accept" "aws_sdk_sqs::error::DisplayErrorContext(&err)"
  read -r timeout call worker_timeout < <(python3 -c 'import json,sys; s = json.load(open(sys.argv[1]))["settings"]; print(s["timeout_s"], max(1, s["timeout_s"] * 2 // 3), s["worker_timeout_s"])' "$T_TMP/$name.json")
  # call_timeout_s is hidden: two thirds of the function's (decision-trees/lambda.yaml)
  t_has "$name: accept's call timeout" "$accept" "const CALL_TIMEOUT: Duration = Duration::from_secs($call);"
  t_has "$name: accept's timeout named" "$accept" "this function's $timeout s timeout"
  t_has "$name: accept's sample" "$accept" "include_str!(\"../../events/$api.json\")"
  t_has "$name: test: 202 and one message" "$accept" "assert_eq!(queue.num_calls(), 1"
  t_has "$name: test: 400, no message" "$accept" "assert_eq!(queue.num_calls(), 0"
  t_has "$name: the worker is the SQS handler" "$main" "SqsBatchResponse::default()"
  t_has "$name: the worker's timeout" "$main" "function's $worker_timeout s timeout"
  t_has "$name: the worker names accept" "$main" "src/bin/accept.rs"
  t_hasnt "$name: the worker has no HTTP handler" "$main" "lambda_http"
  t_has "$name: README: the client's side" "$(cat "$D/$name/README.md")" "**How the client learns the result** is yours to add"
done

# The CI workflow deploys both functions and the queue with SAM, not one binary.
t_run "ci: new" 0 "$LA_BIN" new "$D/ci" --ci github --defaults --answer event_source=http \
  --answer duration_ms=40000
ci=$(cat "$D/ci/.github/workflows/deploy.yml")
t_has "ci: SAM deploys the stack" "$ci" "sam deploy --stack-name ci"
t_hasnt "ci: no cargo lambda deploy of a missing binary" "$ci" "cargo lambda deploy"

# Within the limit, and for sources without one: one function, as before.
for case in "rest-fast event_source=api_gateway_rest duration_ms=20000" \
  "sqs-long event_source=sqs duration_ms=700000"; do
  read -r name a b <<<"$case"
  t_run "$name: new" 0 "$LA_BIN" new "$D/$name" --defaults --answer "$a" --answer "$b"
  t_has "$name: six files" "$T_OUT" "wrote 6 files"
  [ -e "$D/$name/src/bin" ] && t_bad "$name: an accept function" || t_ok
  t_has "$name: one function" "$(cat "$D/$name/template.yaml")" $'\n  Function:\n'
  t_hasnt "$name: no bins" "$(cat "$D/$name/Cargo.toml")" "[[bin]]"
done

t_done
