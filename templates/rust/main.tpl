
#[tokio::main]
async fn main() -> Result<(), Error> {
    // Log to CloudWatch; honours AWS_LAMBDA_LOG_LEVEL, RUST_LOG and AWS_LAMBDA_LOG_FORMAT.
    {{#event_source.http}}lambda_http{{/event_source.http}}{{^event_source.http}}lambda_runtime{{/event_source.http}}::tracing::init_default_subscriber();

{{#aws}}
    let config = aws_config::load_defaults(aws_config::BehaviorVersion::latest()).await;
{{/aws}}
{{^app_fields}}
    let app = App {};
{{/app_fields}}
{{#app_fields}}
    let app = App {
{{#clients.http}}
        http: reqwest::Client::builder().build()?,
        api_url: std::env::var("API_URL")?,
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
{{#clients.secrets_manager}}
        api_key: read_secret(&aws_sdk_secretsmanager::Client::new(&config)).await?,
{{/clients.secrets_manager}}
    };
{{/app_fields}}
    let app = &app;

{{#event_source.http}}
    let handler = move |request| async move { function_handler(request, app).await };
    lambda_http::run(service_fn(handler)).await
{{/event_source.http}}
{{^event_source.http}}
    let handler = move |event| async move { function_handler(event, app).await };
    lambda_runtime::run(service_fn(handler)).await
{{/event_source.http}}
}
{{#clients.secrets_manager}}

/// Reads the secret named by `SECRET_ID` (once, from `main`).
async fn read_secret(client: &aws_sdk_secretsmanager::Client) -> Result<String, Error> {
    let output = client
        .get_secret_value()
        .secret_id(std::env::var("SECRET_ID")?)
        .send()
        .await?;
    let secret = output
        .secret_string()
        .ok_or("the secret has no string value")?;
    Ok(secret.to_string())
}
{{/clients.secrets_manager}}
