#!/usr/bin/env bash
# `lambda-advisor new`: the files it writes, what they contain, and where it refuses to write.
. "$(dirname "$0")/../lib.sh"

D=$T_TMP/work
mkdir -p "$D"
new() { t_run "$1" "$2" "$LA_BIN" new "${@:3}"; }

new "help" 0 --help
t_has "help names --ci" "$T_OUT" "--ci github"
t_has "help names --force" "$T_OUT" "--force"

# A queue-triggered function with partial batch responses and the defaults elsewhere.
new "sqs" 0 "$D/orders" --defaults --answer event_source=sqs --answer batch_failures=yes
t_has "sqs: says what it wrote" "$T_OUT" "wrote 6 files"
for f in src/main.rs Cargo.toml README.md events/sqs.json .gitignore template.yaml; do
  [ -f "$D/orders/$f" ] && t_ok || t_bad "sqs: $f missing"
done
[ -e "$D/orders/.github" ] && t_bad "sqs: a CI workflow without --ci" || t_ok
main=$(cat "$D/orders/src/main.rs")
cargo=$(cat "$D/orders/Cargo.toml")
t_has "crate named after DIR" "$cargo" 'name = "orders"'
t_has "tokio main" "$main" "#[tokio::main]"
t_has "tracing initialised" "$main" "lambda_runtime::tracing::init_default_subscriber();"
t_has "batch response" "$main" "SqsBatchResponse::default()"
t_has "batch failure id" "$main" "failure.item_identifier = id;"
t_has "own error to Diagnostic" "$main" "impl From<HandlerError> for Diagnostic"
t_has "a test module" "$main" "#[cfg(test)]"
t_has "the sample event is tested" "$main" 'include_str!("../events/sqs.json")'
# No unwrap/expect/panic outside the tests.
handler_code=$(sed '/^#\[cfg(test)\]/,$d' "$D/orders/src/main.rs")
t_hasnt "no unwrap in handler code" "$handler_code" ".unwrap()"
t_hasnt "no expect in handler code" "$handler_code" ".expect("
t_hasnt "no panic in handler code" "$handler_code" "panic!"
t_has "minimal tokio" "$cargo" 'tokio = { version = "1", features = ["macros", "rt-multi-thread"] }'
t_hasnt "never tokio full" "$cargo" '"full"'
t_has "lto" "$cargo" "lto = true"
t_has "codegen-units" "$cargo" "codegen-units = 1"
t_has "strip" "$cargo" "strip = true"
t_has "panic abort" "$cargo" 'panic = "abort"'
t_has "arm64 build" "$cargo" $'[package.metadata.lambda.build]\narm64 = true'
t_has "deploy memory" "$cargo" $'[package.metadata.lambda.deploy]\nmemory = '
t_has "sqs feature" "$cargo" 'features = ["sqs"]'
t_has "sample event" "$(cat "$D/orders/events/sqs.json")" '"eventSource": "aws:sqs"'
# The SAM template carries what the event source mapping needs.
sam=$(cat "$D/orders/template.yaml")
t_has "sam: partial batch responses" "$sam" "FunctionResponseTypes: [ReportBatchItemFailures]"
t_has "sam: batch size" "$sam" "BatchSize: "
t_has "sam: batching window" "$sam" "MaximumBatchingWindowInSeconds: "
t_has "sam: max concurrency" "$sam" "MaximumConcurrency: 10"
t_has "sam: poison messages to the DLQ" "$sam" "deadLetterTargetArn: !GetAtt DeadLetterQueue.Arn"
t_run "sam: YAML (with CloudFormation tags)" 0 python3 -c '
import sys, yaml
class L(yaml.SafeLoader): pass
L.add_multi_constructor("!", lambda loader, suffix, node: None)
d = yaml.load(open(sys.argv[1]), Loader=L)
assert d["Resources"]["Function"]["Properties"]["Timeout"] > 3' "$D/orders/template.yaml"
t_has "README invoke" "$(cat "$D/orders/README.md")" \
  "cargo lambda invoke orders --data-file events/sqs.json"
# Every AWS call the code makes has its permission, on the resource the code is told about
# (its environment and its policy name the same parameter); the S3 event's bucket is named by
# a parameter too, or the read policy would make a circular dependency.
new "perms" 0 "$D/perms" --defaults --answer event_source=s3 \
  --answer clients=s3,dynamodb,sqs,sns,secrets_manager
t_run "sam: one policy per call, on the parameter the code reads" 0 python3 -c '
import sys, yaml
class L(yaml.SafeLoader): pass
def tag(loader, suffix, node):
    return {suffix: loader.construct_scalar(node)} if isinstance(node, yaml.ScalarNode) else None
L.add_multi_constructor("!", tag)
d = yaml.load(open(sys.argv[1]), Loader=L)
params = set(d["Parameters"])
fn = d["Resources"]["Function"]["Properties"]
pol = {}
for p in fn["Policies"]:
    (name, args), = p.items()
    pol.setdefault(name, []).append(list(args.values())[0])
want = {"S3ReadPolicy": [{"Ref": "EventBucketName"}], "S3WritePolicy": [{"Ref": "OutputBucketName"}],
        "DynamoDBWritePolicy": [{"Ref": "TableName"}], "SQSSendMessagePolicy": [{"Ref": "QueueName"}],
        "SNSPublishMessagePolicy": [{"Ref": "TopicName"}]}
for k, v in want.items():
    assert pol.get(k) == v, (k, pol.get(k))
assert "${SecretName}" in pol["AWSSecretsManagerGetSecretValuePolicy"][0]["Sub"]
env = fn["Environment"]["Variables"]
assert env["OUTPUT_BUCKET"] == {"Ref": "OutputBucketName"} and env["TABLE_NAME"] == {"Ref": "TableName"}
assert "${QueueName}" in env["QUEUE_URL"]["Sub"] and "${TopicName}" in env["TOPIC_ARN"]["Sub"]
assert env["SECRET_ID"] == {"Ref": "SecretName"}
assert d["Resources"]["InputBucket"]["Properties"]["BucketName"] == {"Ref": "EventBucketName"}
for v in list(env.values()):
    for ref in ([v["Ref"]] if "Ref" in v else []):
        assert ref in params, ref
' "$D/perms/template.yaml"
t_has "README: the cargo lambda deploy role" "$(cat "$D/perms/README.md")" "--iam-role ARN"
new "no-aws" 0 "$D/no-aws" --defaults --answer clients=none
t_hasnt "no AWS client, no policies" "$(cat "$D/no-aws/template.yaml")" "Policies:"

ls -a "$D" | grep -q '\.new-' && t_bad "a temporary directory was left behind" || t_ok

# The advice flows into the files: memory and timeout from the settings, x86_64 when native
# libraries need it, opt-level s for a cold-start-only I/O function.
new "advised" 0 "$D/advised" --defaults --answer native_deps=yes --answer memory_mb=2048 \
  --answer goals=cold_start --answer workload=io --answer io_shape=single
cargo=$(cat "$D/advised/Cargo.toml")
t_has "advised memory" "$cargo" "memory = 2048"
t_hasnt "no arm64 for x86-only libraries" "$cargo" "arm64 = true"
t_has "x86_64 pinned" "$cargo" $'[package.metadata.lambda.build]\nx86_64 = true'
t_has "x86_64 build command" "$(cat "$D/advised/README.md")" "cargo lambda build --release --x86-64"
t_has "opt-level s" "$cargo" 'opt-level = "s"'
json=$("$LA_BIN" advise --defaults --answer native_deps=yes --answer memory_mb=2048 \
  --answer goals=cold_start --answer workload=io --answer io_shape=single --format json)
timeout=$(printf '%s' "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["settings"]["timeout_s"])')
t_has "advised timeout" "$cargo" "timeout = $timeout"

# Patterns: the code each one calls for.
new "rayon" 0 "$D/rayon" --defaults --answer workload=cpu --answer cpu_shape=collection \
  --answer memory_mb=4096
main=$(cat "$D/rayon/src/main.rs")
t_has "spawn_blocking on the pool" "$main" "tokio::task::spawn_blocking(move || pool.install(|| transform_all(&input))).await??"
t_has "rayon inside" "$main" ".par_chunks(CHUNK_SIZE)"
t_has "pool sized by the vCPUs" "$main" "std::thread::available_parallelism()"
t_has "rayon dependency" "$(cat "$D/rayon/Cargo.toml")" 'rayon = "1"'
# A batch source: the batch's records are the collection, in ONE blocking task.
new "rayon over a batch" 0 "$D/rayonsqs" --defaults --answer workload=cpu \
  --answer cpu_shape=collection --answer memory_mb=4096 --answer event_source=sqs
main=$(cat "$D/rayonsqs/src/main.rs")
t_has "records in parallel" "$main" ".into_par_iter()"
t_has "one blocking task for the batch" "$main" "let outputs = tokio::task::spawn_blocking(move || {"
t_hasnt "not chunks of one message" "$main" "par_chunks"
t_has "one result per record" "$main" "failure.item_identifier = id;"
# The batch's S3 inputs are read concurrently (bounded, in order), before the one CPU task;
# the results, with no other destination, go back to S3 (an SQS source takes no answer).
new "rayon over a batch of S3 objects" 0 "$D/rayons3" --defaults --answer workload=cpu \
  --answer cpu_shape=collection --answer memory_mb=4096 --answer event_source=sqs --answer clients=s3
main=$(cat "$D/rayons3/src/main.rs")
t_has "reads overlap" "$main" ".buffered(FETCHES_IN_FLIGHT)"
t_hasnt "no read after read" "$(sed -n '/fn transform_batch/,/^}/p' "$D/rayons3/src/main.rs")" ".then(|job|"
t_has "results written back to S3" "$main" "write_object(app, &key, output).await?;"
t_has "the test checks the upload" "$main" 'assert!(put_object.num_calls() > 0, "nothing written to S3");'
# No destination and a source that takes no answer: the code says the result is only logged.
new "nowhere" 0 "$D/nowhere" --defaults --answer event_source=sqs --answer clients=none
t_has "says where the result goes" "$(cat "$D/nowhere/src/main.rs")" "Nothing stores the result"
t_hasnt "binary result no error when only logged" "$(cat "$D/nowhere/src/main.rs")" "NotText"
new "no rayon below 2 vCPUs" 0 "$D/norayon" --defaults --answer workload=cpu \
  --answer cpu_shape=collection --answer memory_mb=1024 --answer goals=cost
t_hasnt "no par_chunks" "$(cat "$D/norayon/src/main.rs")" "par_chunks"
t_hasnt "no rayon dependency" "$(cat "$D/norayon/Cargo.toml")" "rayon = "
new "few calls" 0 "$D/few" --defaults --answer workload=io --answer io_shape=fan_out \
  --answer fan_out_size=few --answer clients=http
t_has "try_join" "$(cat "$D/few/src/main.rs")" "tokio::try_join!(fetch(&job, app), fetch_details(&job, app))?"
t_has "rustls reqwest" "$(cat "$D/few/Cargo.toml")" \
  'reqwest = { version = "0.12", default-features = false, features = ["rustls-tls"] }'
new "many calls" 0 "$D/many" --defaults --answer workload=io --answer io_shape=fan_out \
  --answer fan_out_size=many
main=$(cat "$D/many/src/main.rs")
t_has "bounded" "$main" ".buffer_unordered(CONCURRENCY_LIMIT)"
t_has "limit from the advice" "$main" "const CONCURRENCY_LIMIT: usize = 32;"
# The bound is over the items of one payload, not over a list made from the event.
t_has "items of the payload" "$main" "let items = items_of(&payload)?;"
t_has "one call per item" "$main" ".map(|item| fetch_item(job, item, app))"
# An item from the event is one path segment under API_URL, never raw text in a URL.
t_has "item percent-encoded" "$main" '.get(api_endpoint(&app.api_url, &["items", &item]))'
t_hasnt "no URL built by format!" "$main" 'format!("{}/items/'
t_has "the encoding is tested" "$main" "fn event_data_stays_inside_one_path_segment()"
# Ordered sources stop at the first failed record and report it.
new "kinesis" 0 "$D/kinesis" --defaults --answer event_source=kinesis --answer batch_failures=yes \
  --answer workload=io --answer io_shape=fan_out --answer fan_out_size=many
main=$(cat "$D/kinesis/src/main.rs")
t_has "stops at the first failure" "$main" "if let Some((id, err)) = first_failure(jobs, app).await {"
t_hasnt "records never unordered" "$(sed -n '/fn first_failure/,/^}/p' "$D/kinesis/src/main.rs")" "buffer_unordered"
# Kinesis data is bytes: kept as bytes, never decoded lossily.
t_has "kinesis data as bytes" "$main" "let body = record.kinesis.data.to_vec();"
t_hasnt "kinesis: no lossy UTF-8" "$main" "from_utf8_lossy"
t_has "kinesis: binary test" "$main" "fn binary_data_is_kept_as_bytes()"
# Every client has a timeout derived from the function's, SDK errors keep their context,
# secrets are refreshed.
new "clients" 0 "$D/clients" --defaults --answer clients=http,s3,secrets_manager --answer workload=io \
  --answer io_shape=chain
main=$(cat "$D/clients/src/main.rs")
# The call timeout is the advice's call_timeout_s (its prose says "3 s here"), not a second
# rule of the template's own.
t_has "call timeout from the advice" "$main" "const CALL_TIMEOUT: Duration = Duration::from_secs(3);"
t_has "the advice says the same" "$("$LA_BIN" advise --defaults --answer clients=http,s3,secrets_manager \
  --answer workload=io --answer io_shape=chain)" "(3 s here, two"
t_has "reqwest timeout" "$main" ".timeout(CALL_TIMEOUT)"
t_has "reqwest connect timeout" "$main" ".connect_timeout(CONNECT_TIMEOUT)"
t_has "SDK timeouts" "$main" ".timeout_config(sdk_timeouts())"
t_has "SDK operation timeout" "$main" ".operation_timeout(CALL_TIMEOUT)"
t_has "SDK error context" "$main" "aws_sdk_s3::error::DisplayErrorContext(.0)"
t_has "secret refreshed" "$main" "if read_at.elapsed() < SECRET_TTL"
# Rows to DynamoDB with BatchWriteItem, 25 a request, unprocessed items sent again.
new "rows" 0 "$D/rows" --defaults --answer clients=http,dynamodb --answer workload=io \
  --answer io_shape=chain
main=$(cat "$D/rows/src/main.rs")
t_has "batch writes" "$main" ".batch_write_item()"
t_has "25 a request" "$main" "const BATCH_WRITE_LIMIT: usize = 25;"
t_has "unprocessed retried" "$main" "output.unprocessed_items()"
t_hasnt "no whole-result item" "$main" ".put_item()"
# REST through lambda_http: a GET needs no body.
new "rest" 0 "$D/rest" --defaults --answer event_source=api_gateway_rest
main=$(cat "$D/rest/src/main.rs")
t_has "rest: lambda_http" "$main" "lambda_http::run(service_fn(handler))"
t_has "rest: GET without a body" "$main" "Method::GET | Method::HEAD | Method::DELETE => Job {"
t_has "rest: only the REST format" "$(cat "$D/rest/Cargo.toml")" 'features = ["apigw_rest", "tracing"]'
new "s3 keys" 0 "$D/s3fn" --defaults --answer event_source=s3 --answer workload=mixed \
  --answer io_shape=single --answer cpu_shape=single_task --answer clients=none
main=$(cat "$D/s3fn/src/main.rs")
t_has "keys decoded" "$main" "percent_encoding::percent_decode_str"
t_has "deletions skipped" "$main" '.filter(is_created)'
t_has "the pipeline uploads" "$main" "write_object(app, &key, output).await?;"
t_has "output key from the input key" "$main" $'fn output_key(job: &Job) -> Result<String, HandlerError> {\n    Ok(job.key.clone())'
t_hasnt "no lossy UTF-8" "$main" "from_utf8_lossy"
new "http" 0 "$D/api" --defaults --answer event_source=http
# A new directory gets the usual mode, not the 0700 of its temporary directory.
t_eq "new dir mode" "$(umask 022; "$LA_BIN" new "$D/mode" --defaults >/dev/null; stat -c %a "$D/mode")" 755
t_has "lambda_http" "$(cat "$D/api/src/main.rs")" "lambda_http::run(service_fn(handler))"

# An existing empty directory, named as ".", with the crate named after it.
mkdir -p "$D/here"
t_run "new ." 0 sh -c "cd '$D/here' && '$LA_BIN' new . --defaults"
t_has "new .: named after the directory" "$(cat "$D/here/Cargo.toml")" 'name = "here"'
new "trailing slash" 0 "$D/slash/" --defaults
[ -f "$D/slash/src/main.rs" ] && t_ok || t_bad "trailing slash: no src/main.rs"

# CI workflow.
new "ci" 0 "$D/ci" --defaults --ci github
wf=$(cat "$D/ci/.github/workflows/deploy.yml")
t_has "OIDC permission" "$wf" "id-token: write"
t_has "role from a variable" "$wf" 'role-to-assume: ${{ vars.AWS_ROLE_ARN }}'
t_has "arm64 build in CI" "$wf" "cargo lambda build --release --arm64"
t_has "cache" "$wf" "Swatinem/rust-cache"
new "unknown ci" 2 "$D/ci2" --defaults --ci gitlab
t_has "unknown ci message" "$T_ERR" "valid: github"
[ -e "$D/ci2" ] && t_bad "unknown ci: wrote something" || t_ok

t_run "workflow is YAML" 0 python3 -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); assert d["jobs"]["deploy"]["steps"]' \
  "$D/ci/.github/workflows/deploy.yml"

# Every event source: a sample event that is JSON, for `cargo lambda invoke --data-file`.
for src in api_gateway_rest http s3 sqs sns dynamodb_stream kinesis eventbridge direct; do
  new "source $src" 0 "$D/src-$src" --defaults --answer event_source="$src"
  t_run "$src sample is JSON" 0 python3 -c 'import json, sys; json.load(open(sys.argv[1]))' \
    "$D/src-$src/events/$src.json"
  t_has "$src README names it" "$(cat "$D/src-$src/README.md")" "--data-file events/$src.json"
done

# The pitfall scan finds nothing in what `new` writes (the slow compile test scans all).
t_run "scan finds nothing" 0 "$LA_BIN" scan --fail-on note "$D/orders" "$D/advised" "$D/rayon" \
  "$D/norayon" "$D/few" "$D/many" "$D/s3fn" "$D/api" "$D/ci" "$D"/src-* "$D/rayonsqs" \
  "$D/rayons3" "$D/nowhere" \
  "$D/kinesis" "$D/clients" "$D/rows" "$D/rest"
t_eq "no findings" "$T_OUT" ""

# Refusals: nothing is written and nothing is left behind.
mkdir -p "$D/busy" && echo keep >"$D/busy/notes.txt"
new "non-empty dir" 2 "$D/busy" --defaults
t_has "non-empty message" "$T_ERR" "is not empty"
t_eq "non-empty: untouched" "$(ls -A "$D/busy")" "notes.txt"
new "force" 0 "$D/busy" --defaults --force
[ -f "$D/busy/src/main.rs" ] && t_ok || t_bad "force: no src/main.rs"
t_eq "force keeps other files" "$(cat "$D/busy/notes.txt")" "keep"
new "bad name" 2 "$D/badname" --defaults --name "../evil"
t_has "bad name message" "$T_ERR" "invalid crate name"
[ -e "$D/badname" ] && t_bad "bad name: wrote something" || t_ok
new "bad answer" 2 "$D/badanswer" --defaults --answer workload=gpu
[ -e "$D/badanswer" ] && t_bad "bad answer: wrote something" || t_ok
new "missing answers" 2 "$D/partial"
[ -e "$D/partial" ] && t_bad "missing answers: wrote something" || t_ok
new "no dir" 2 --defaults
new "two dirs" 2 "$D/a" "$D/b" --defaults
echo x >"$D/afile"
new "dir is a file" 2 "$D/afile" --defaults
new "missing parent" 2 "$D/no/such/parent" --defaults
t_has "missing parent message" "$T_ERR" "its parent directory does not exist"
# A symbolic link inside DIR must not carry the files outside it, even with --force.
mkdir -p "$D/outside" "$D/linked"
ln -s "$D/outside" "$D/linked/src"
new "symlink inside DIR" 2 "$D/linked" --defaults --force
t_eq "nothing written through the link" "$(ls -A "$D/outside")" ""
ls -a "$D" | grep -q '\.new-' && t_bad "a temporary directory was left behind" || t_ok

# The handler test runs offline: the AWS clients are aws-smithy-mocks' (Issue 8), the HTTP
# API a local server (FakeApi); nothing is ignored.
new "mocked aws" 0 "$D/mocked" --defaults --answer event_source=sqs \
  --answer clients=dynamodb,sqs,sns,secrets_manager
main=$(cat "$D/mocked/src/main.rs")
cargo=$(cat "$D/mocked/Cargo.toml")
t_hasnt "mocked: handler test not ignored" "$main" "#[ignore"
t_hasnt "mocked: no real AWS config in the tests" "$(sed -n '/^#\[cfg(test)\]/,$p' "$D/mocked/src/main.rs")" "load_defaults"
t_has "mocked: dynamodb client mocked" "$main" "dynamodb: mock_client!("
t_has "mocked: secret mocked" "$main" "mock!(aws_sdk_secretsmanager::Client::get_secret_value)"
t_has "mocked: the publish is checked" "$main" 'assert!(publish.num_calls() > 0, "nothing published");'
t_has "mocked: the send is checked" "$main" 'assert!(send_message.num_calls() > 0, "nothing sent");'
t_has "mocked: dev-dependency" "$cargo" 'aws-smithy-mocks = "0.2.3"'
t_has "mocked: test-util" "$cargo" 'aws-sdk-sqs = { version = "1", features = ["test-util"] }'
new "http client" 0 "$D/httpclient" --defaults --answer event_source=sqs --answer clients=http
main=$(cat "$D/httpclient/src/main.rs")
t_hasnt "http client: handler test not ignored" "$main" "#[ignore"
t_has "http client: a local fake API" "$main" "api_url: api.url.clone(),"
t_has "http client: the read is checked" "$main" 'assert!(api.calls("POST", "/") > 0, "no input read");'
t_hasnt "http client: no mocks" "$(cat "$D/httpclient/Cargo.toml")" "aws-smithy-mocks"
t_run "http client: scan finds nothing" 0 "$LA_BIN" scan --fail-on note "$D/httpclient"

t_done
