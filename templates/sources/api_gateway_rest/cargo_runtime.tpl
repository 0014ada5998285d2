# Only the REST API (v1) request format, and the runtime's tracing set-up.
lambda_http = { version = "1", default-features = false, features = ["apigw_rest", "tracing"] }
