{{#services}}
// Real clients: this test talks to the services named in the environment (see README).
{{/services}}
{{#aws}}
let config = aws_config::load_defaults(aws_config::BehaviorVersion::latest()).await;
{{/aws}}
{{#app_fields}}
let app = App {
{{#clients.http}}
    http: reqwest::Client::new(),
    api_url: std::env::var("API_URL").unwrap_or_default(),
{{/clients.http}}
{{#s3_client}}
    s3: aws_sdk_s3::Client::new(&config),
{{/s3_client}}
{{#fetch.s3}}
    bucket: std::env::var("BUCKET_NAME").unwrap_or_default(),
{{/fetch.s3}}
{{#write.s3}}
    output_bucket: std::env::var("OUTPUT_BUCKET").unwrap_or_default(),
{{/write.s3}}
{{#clients.dynamodb}}
    dynamodb: aws_sdk_dynamodb::Client::new(&config),
    table: std::env::var("TABLE_NAME").unwrap_or_default(),
{{/clients.dynamodb}}
{{#clients.sqs}}
    sqs: aws_sdk_sqs::Client::new(&config),
    queue_url: std::env::var("QUEUE_URL").unwrap_or_default(),
{{/clients.sqs}}
{{#clients.sns}}
    sns: aws_sdk_sns::Client::new(&config),
    topic_arn: std::env::var("TOPIC_ARN").unwrap_or_default(),
{{/clients.sns}}
{{#rayon.yes}}
    pool: std::sync::Arc::new(rayon_pool().expect("a thread pool")),
{{/rayon.yes}}
{{#clients.secrets_manager}}
    api_key: CachedSecret::new(
        aws_sdk_secretsmanager::Client::new(&config),
        std::env::var("SECRET_ID").unwrap_or_default(),
    ),
{{/clients.secrets_manager}}
};
{{/app_fields}}
{{^app_fields}}
let app = App {};
{{/app_fields}}
