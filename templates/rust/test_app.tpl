{{#aws}}
// The AWS calls are answered by these rules (aws-smithy-mocks): no network, no credentials.
{{/aws}}
{{#s3_client}}
let get_object = mock!(aws_sdk_s3::Client::get_object)
    .sequence()
    .output(|| {
        aws_sdk_s3::operation::get_object::GetObjectOutput::builder()
            .body(aws_sdk_s3::primitives::ByteStream::from_static(b"hello"))
            .build()
    })
    .times(MOCKED_CALLS)
    .build();
let head_object = mock!(aws_sdk_s3::Client::head_object)
    .sequence()
    .output(|| {
        aws_sdk_s3::operation::head_object::HeadObjectOutput::builder()
            .content_length(5)
            .build()
    })
    .times(MOCKED_CALLS)
    .build();
let put_object = mock!(aws_sdk_s3::Client::put_object)
    .sequence()
    .output(|| aws_sdk_s3::operation::put_object::PutObjectOutput::builder().build())
    .times(MOCKED_CALLS)
    .build();
{{/s3_client}}
{{#clients.dynamodb}}
let get_item = mock!(aws_sdk_dynamodb::Client::get_item)
    .sequence()
    .output(|| aws_sdk_dynamodb::operation::get_item::GetItemOutput::builder().build())
    .times(MOCKED_CALLS)
    .build();
let batch_write_item = mock!(aws_sdk_dynamodb::Client::batch_write_item)
    .sequence()
    .output(|| {
        aws_sdk_dynamodb::operation::batch_write_item::BatchWriteItemOutput::builder()
            .build()
    })
    .times(MOCKED_CALLS)
    .build();
{{/clients.dynamodb}}
{{#clients.sqs}}
let send_message = mock!(aws_sdk_sqs::Client::send_message)
    .sequence()
    .output(|| aws_sdk_sqs::operation::send_message::SendMessageOutput::builder().build())
    .times(MOCKED_CALLS)
    .build();
{{/clients.sqs}}
{{#clients.sns}}
let publish = mock!(aws_sdk_sns::Client::publish)
    .sequence()
    .output(|| aws_sdk_sns::operation::publish::PublishOutput::builder().build())
    .times(MOCKED_CALLS)
    .build();
{{/clients.sns}}
{{#clients.secrets_manager}}
let get_secret_value = mock!(aws_sdk_secretsmanager::Client::get_secret_value)
    .sequence()
    .output(|| {
        aws_sdk_secretsmanager::operation::get_secret_value::GetSecretValueOutput::builder()
            .secret_string("test-api-key")
            .build()
    })
    .times(MOCKED_CALLS)
    .build();
{{/clients.secrets_manager}}
{{#clients.http}}
// The HTTP API is played by a local server (FakeApi): no network.
let api = FakeApi::start();
{{/clients.http}}
{{#app_fields}}
let app = App {
{{#clients.http}}
    http: reqwest::Client::new(),
    api_url: api.url.clone(),
{{/clients.http}}
{{#s3_client}}
    s3: mock_client!(
        aws_sdk_s3,
        RuleMode::MatchAny,
        [&get_object, &head_object, &put_object]
    ),
{{/s3_client}}
{{#fetch.s3}}
    bucket: "input-bucket".to_string(),
{{/fetch.s3}}
{{#write.s3}}
    output_bucket: "output-bucket".to_string(),
{{/write.s3}}
{{#clients.dynamodb}}
    dynamodb: mock_client!(
        aws_sdk_dynamodb,
        RuleMode::MatchAny,
        [&get_item, &batch_write_item]
    ),
    table: "table".to_string(),
{{/clients.dynamodb}}
{{#clients.sqs}}
    sqs: mock_client!(aws_sdk_sqs, RuleMode::MatchAny, [&send_message]),
    queue_url: "https://sqs.us-east-1.amazonaws.com/123456789012/queue".to_string(),
{{/clients.sqs}}
{{#clients.sns}}
    sns: mock_client!(aws_sdk_sns, RuleMode::MatchAny, [&publish]),
    topic_arn: "arn:aws:sns:us-east-1:123456789012:topic".to_string(),
{{/clients.sns}}
{{#rayon.yes}}
    pool: std::sync::Arc::new(rayon_pool().expect("a thread pool")),
{{/rayon.yes}}
{{#clients.secrets_manager}}
    api_key: CachedSecret::new(
        mock_client!(
            aws_sdk_secretsmanager,
            RuleMode::MatchAny,
            [&get_secret_value]
        ),
        "api-key".to_string(),
    ),
{{/clients.secrets_manager}}
};
{{/app_fields}}
{{^app_fields}}
let app = App {};
{{/app_fields}}
