
/// Created once per execution environment (in `main`) and borrowed by every invocation.
{{^app_fields}}
struct App {}
{{/app_fields}}
{{#app_fields}}
struct App {
{{#clients.http}}
    /// One HTTP client (connection pool, rustls) for all invocations.
    http: reqwest::Client,
    /// Base URL of the HTTP API this function calls (env `API_URL`).
    api_url: String,
{{/clients.http}}
{{#s3_client}}
    s3: aws_sdk_s3::Client,
{{/s3_client}}
{{#fetch.s3}}
    /// The bucket the function reads from (env `BUCKET_NAME`).
    bucket: String,
{{/fetch.s3}}
{{#write.s3}}
    /// The bucket the function writes its results to (env `OUTPUT_BUCKET`); not the bucket
    /// that triggers it, or every write would invoke it again.
    output_bucket: String,
{{/write.s3}}
{{#clients.dynamodb}}
    dynamodb: aws_sdk_dynamodb::Client,
    /// The DynamoDB table (env `TABLE_NAME`).
    table: String,
{{/clients.dynamodb}}
{{#clients.sqs}}
    sqs: aws_sdk_sqs::Client,
    /// The queue the function sends its results to (env `QUEUE_URL`).
    queue_url: String,
{{/clients.sqs}}
{{#clients.sns}}
    sns: aws_sdk_sns::Client,
    /// The topic the function publishes its results to (env `TOPIC_ARN`).
    topic_arn: String,
{{/clients.sns}}
{{#clients.secrets_manager}}
    /// Read once at start-up from Secrets Manager (env `SECRET_ID`), not on every invocation.
{{^clients.http}}
    #[allow(dead_code)] // pass it to the calls that need it
{{/clients.http}}
    api_key: String,
{{/clients.secrets_manager}}
}
{{/app_fields}}
