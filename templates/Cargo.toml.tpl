[package]
name = "{{crate_name}}"
version = "0.1.0"
edition = "2021"
publish = false
{{#split}}

# Two functions in one crate (cargo-lambda builds both): `accept` answers the API with
# 202 Accepted and queues the work, `worker` does the work from the queue.
[[bin]]
name = "accept"
path = "src/bin/accept.rs"

[[bin]]
name = "worker"
path = "src/main.rs"
{{/split}}

[dependencies]
{{#crate.aws_config}}
aws-config = { version = "1", features = ["behavior-version-latest"] }
{{/crate.aws_config}}
{{#clients.dynamodb}}
aws-sdk-dynamodb = "1"
{{/clients.dynamodb}}
{{#s3_client}}
aws-sdk-s3 = "1"
{{/s3_client}}
{{#clients.secrets_manager}}
aws-sdk-secretsmanager = "1"
{{/clients.secrets_manager}}
{{#clients.sns}}
aws-sdk-sns = "1"
{{/clients.sns}}
{{#crate.aws_sdk_sqs}}
aws-sdk-sqs = "1"
{{/crate.aws_sdk_sqs}}
{{>*event_source.cargo}}
futures = "0.3"
{{#split}}
{{>*accept.event_source.cargo_runtime}}
{{/split}}
{{>*event_source.cargo_runtime}}
{{#rayon.yes}}
rayon = "1"
{{/rayon.yes}}
{{#clients.http}}
# rustls, not OpenSSL: no system library to match on Amazon Linux, easy cross-compiling.
reqwest = { version = "0.12", default-features = false, features = ["rustls-tls"] }
{{/clients.http}}
serde = { version = "1", features = ["derive"] }
serde_json = "1"
thiserror = "2"
# Only what the handler uses: the multi-threaded runtime and #[tokio::main].
tokio = { version = "1", features = ["macros", "rt-multi-thread"{{#write.dynamodb}}, "time"{{/write.dynamodb}}] }
tracing = "0.1"
{{#crate.aws_config}}

# The tests answer the AWS calls with aws-smithy-mocks' rules (no network, no credentials);
# `test-util` lets it build the clients; 0.2.3 or later answers concurrent calls.
[dev-dependencies]
aws-smithy-mocks = "0.2.3"
{{#clients.dynamodb}}
aws-sdk-dynamodb = { version = "1", features = ["test-util"] }
{{/clients.dynamodb}}
{{#s3_client}}
aws-sdk-s3 = { version = "1", features = ["test-util"] }
{{/s3_client}}
{{#clients.secrets_manager}}
aws-sdk-secretsmanager = { version = "1", features = ["test-util"] }
{{/clients.secrets_manager}}
{{#clients.sns}}
aws-sdk-sns = { version = "1", features = ["test-util"] }
{{/clients.sns}}
{{#crate.aws_sdk_sqs}}
aws-sdk-sqs = { version = "1", features = ["test-util"] }
{{/crate.aws_sdk_sqs}}
{{/crate.aws_config}}

# Small, fast binaries. `cargo lambda build --release` applies similar settings itself;
# stating them here makes `cargo build --release` and other build paths agree.
[profile.release]
opt-level = {{#opt_level.s}}"s"{{/opt_level.s}}{{^opt_level.s}}3{{/opt_level.s}}
lto = true
codegen-units = 1
strip = true
panic = "abort"

{{^split}}
# Read by `cargo lambda deploy`: the advised memory (MB) and timeout (s).
[package.metadata.lambda.deploy]
memory = {{memory_mb}}
timeout = {{timeout_s}}
{{/split}}
{{#split}}
# Read by `cargo lambda deploy accept` and `cargo lambda deploy worker`: each function's
# advised memory (MB) and timeout (s). The queue between them is template.yaml's.
[package.metadata.lambda.bin.accept.deploy]
memory = {{accept.memory_mb}}
timeout = {{accept.timeout_s}}
# The queue it sends the work to; set it here or in your deployment:
# [package.metadata.lambda.bin.accept.deploy.env]
# WORK_QUEUE_URL = "https://sqs.us-east-1.amazonaws.com/123456789012/my-work-queue"

[package.metadata.lambda.bin.worker.deploy]
memory = {{memory_mb}}
timeout = {{timeout_s}}
{{/split}}
{{#env_vars}}
# The environment the function reads (see README.md); set it here or in your deployment:
# [package.metadata.lambda.{{#split}}bin.worker.{{/split}}deploy.env]
{{#clients.http}}
# API_URL = "https://api.example.com"
{{/clients.http}}
{{#fetch.s3}}
# BUCKET_NAME = "my-input-bucket"
{{/fetch.s3}}
{{#write.s3}}
# OUTPUT_BUCKET = "my-output-bucket"
{{/write.s3}}
{{#clients.dynamodb}}
# TABLE_NAME = "my-table"
{{/clients.dynamodb}}
{{#clients.sqs}}
# QUEUE_URL = "https://sqs.us-east-1.amazonaws.com/123456789012/my-queue"
{{/clients.sqs}}
{{#clients.sns}}
# TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:my-topic"
{{/clients.sns}}
{{#clients.secrets_manager}}
# SECRET_ID = "my-api-key"
{{/clients.secrets_manager}}
{{/env_vars}}
{{#architecture.arm64}}

# Build for Graviton (arm64): cargo-lambda reads the architecture from the binary it built.
[package.metadata.lambda.build]
arm64 = true
{{/architecture.arm64}}
{{#architecture.x86_64}}

# Build for x86_64 (the native libraries need it): cargo-lambda builds for the host's
# architecture otherwise, so an arm64 laptop would build a binary this function cannot run.
[package.metadata.lambda.build]
x86_64 = true
{{/architecture.x86_64}}
