{{#services}}

/// One outgoing call, retries included: the advice's {{call_timeout_s}} s, two thirds of the
/// function's {{timeout_s}} s timeout (keep both in step with the deployment). No outgoing
/// call may outlive the invocation: a call that hangs must fail while the handler still has
/// time to log it and report the failure.
const CALL_TIMEOUT: Duration = Duration::from_secs({{call_timeout_s}});

/// Setting up a connection: two seconds at most (well under a second in a region), half
/// the call's budget when that is less.
const CONNECT_TIMEOUT: Duration = if CALL_TIMEOUT.as_secs() >= 4 {
    Duration::from_secs(2)
} else {
    Duration::from_millis(CALL_TIMEOUT.as_millis() as u64 / 2)
};
{{/services}}
{{#aws}}

/// The AWS SDK has no operation timeout by default: bound every operation (all its
/// attempts) and each attempt, so a retry still fits in the call's budget.
fn sdk_timeouts() -> aws_config::timeout::TimeoutConfig {
    aws_config::timeout::TimeoutConfig::builder()
        .connect_timeout(CONNECT_TIMEOUT)
        .operation_attempt_timeout(CALL_TIMEOUT / 2)
        .operation_timeout(CALL_TIMEOUT)
        .build()
}
{{/aws}}

#[tokio::main]
async fn main() -> Result<(), Error> {
    // Log to CloudWatch; honours AWS_LAMBDA_LOG_LEVEL, RUST_LOG and AWS_LAMBDA_LOG_FORMAT.
    {{#lambda_http}}lambda_http{{/lambda_http}}{{^lambda_http}}lambda_runtime{{/lambda_http}}::tracing::init_default_subscriber();

{{#aws}}
    let config = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .timeout_config(sdk_timeouts())
        .load()
        .await;
{{/aws}}
{{^app_fields}}
    let app = App {};
{{/app_fields}}
{{#app_fields}}
    let app = App {
{{#clients.http}}
        http: reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(CALL_TIMEOUT)
            .build()?,
        api_url: api_url()?,
{{/clients.http}}
{{#s3_client}}
        s3: aws_sdk_s3::Client::new(&config),
{{/s3_client}}
{{#fetch.s3}}
        bucket: std::env::var("BUCKET_NAME")?,
{{/fetch.s3}}
{{#write.s3}}
        output_bucket: std::env::var("OUTPUT_BUCKET")?,
{{/write.s3}}
{{#clients.dynamodb}}
        dynamodb: aws_sdk_dynamodb::Client::new(&config),
        table: std::env::var("TABLE_NAME")?,
{{/clients.dynamodb}}
{{#clients.sqs}}
        sqs: aws_sdk_sqs::Client::new(&config),
        queue_url: std::env::var("QUEUE_URL")?,
{{/clients.sqs}}
{{#clients.sns}}
        sns: aws_sdk_sns::Client::new(&config),
        topic_arn: std::env::var("TOPIC_ARN")?,
{{/clients.sns}}
{{#rayon.yes}}
        pool: std::sync::Arc::new(rayon_pool()?),
{{/rayon.yes}}
{{#clients.secrets_manager}}
        api_key: CachedSecret::new(
            aws_sdk_secretsmanager::Client::new(&config),
            std::env::var("SECRET_ID")?,
        ),
{{/clients.secrets_manager}}
    };
{{/app_fields}}
{{#clients.secrets_manager}}
    // Read the secret once now: a missing secret or permission fails the start, not the
    // first request.
    app.api_key.get().await?;
{{/clients.secrets_manager}}
    let app = &app;

{{#lambda_http}}
    let handler = move |request| async move { function_handler(request, app).await };
    lambda_http::run(service_fn(handler)).await
{{/lambda_http}}
{{^lambda_http}}
    let handler = move |event| async move { function_handler(event, app).await };
    lambda_runtime::run(service_fn(handler)).await
{{/lambda_http}}
}
{{#clients.http}}

/// The HTTP API's base URL (env `API_URL`), checked once at start: the calls add path
/// segments to it.
fn api_url() -> Result<reqwest::Url, Error> {
    let url = reqwest::Url::parse(&std::env::var("API_URL")?)?;
    if url.cannot_be_a_base() {
        return Err(format!("API_URL is not a base URL: {url}").into());
    }
    Ok(url)
}
{{/clients.http}}
{{#rayon.yes}}

/// rayon's pool, one thread per vCPU the function has: Lambda gives CPU in proportion to
/// memory, and `available_parallelism` sees what this execution environment got.
fn rayon_pool() -> Result<rayon::ThreadPool, Error> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    Ok(pool)
}
{{/rayon.yes}}
