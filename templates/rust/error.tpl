
/// Why an invocation, or one record of a batch, failed.
#[derive(Debug, thiserror::Error)]
enum HandlerError {
    #[error("invalid event: {0}")]
    InvalidEvent(String),
    #[error("invalid JSON: {0}")]
    Json(#[from] serde_json::Error),
{{#text_writes}}
    #[error("the result is not UTF-8 text (send binary results to S3)")]
    NotText,
{{/text_writes}}
{{^text_writes}}
{{^write.s3}}
{{#answers_caller}}
    #[error("the result is not UTF-8 text (send binary results to S3)")]
    NotText,
{{/answers_caller}}
{{/write.s3}}
{{/text_writes}}
{{#blocking}}
    /// With `panic = "abort"` (Cargo.toml) a panic in the CPU task ends the process: Lambda
    /// fails the invocation (Runtime.ExitError) and starts a new execution environment. So
    /// this is only ever a task cancelled by the runtime shutting down.
    #[error("the CPU task was cancelled: {0}")]
    Task(#[from] tokio::task::JoinError),
{{/blocking}}
{{#rayon_batch}}
{{^ordered}}
    #[error("the batch's CPU task failed: {0}")]
    Batch(String),
{{/ordered}}
{{/rayon_batch}}
{{#clients.http}}
    #[error("HTTP call failed: {0}")]
    Http(#[from] reqwest::Error),
{{/clients.http}}
{{#s3_client}}
    #[error("S3 call failed: {}", aws_sdk_s3::error::DisplayErrorContext(.0))]
    S3(#[from] aws_sdk_s3::Error),
{{/s3_client}}
{{#reads_s3_object}}
    #[error("reading the S3 object failed: {0}")]
    S3Body(String),
{{/reads_s3_object}}
{{#clients.dynamodb}}
    #[error("DynamoDB call failed: {}", aws_sdk_dynamodb::error::DisplayErrorContext(.0))]
    DynamoDb(#[from] aws_sdk_dynamodb::Error),
{{/clients.dynamodb}}
{{#write.dynamodb}}
    #[error("building a DynamoDB request failed: {0}")]
    DynamoDbRequest(#[from] aws_sdk_dynamodb::error::BuildError),
    #[error("DynamoDB left items unprocessed after five tries")]
    Unprocessed,
{{/write.dynamodb}}
{{#clients.sqs}}
    #[error("SQS call failed: {}", aws_sdk_sqs::error::DisplayErrorContext(.0))]
    Sqs(#[from] aws_sdk_sqs::Error),
{{/clients.sqs}}
{{#clients.sns}}
    #[error("SNS call failed: {}", aws_sdk_sns::error::DisplayErrorContext(.0))]
    Sns(#[from] aws_sdk_sns::Error),
{{/clients.sns}}
{{#clients.secrets_manager}}
    #[error("Secrets Manager call failed: {}", aws_sdk_secretsmanager::error::DisplayErrorContext(.0))]
    SecretsManager(#[from] aws_sdk_secretsmanager::Error),
    #[error("unusable secret: {0}")]
    Secret(String),
{{/clients.secrets_manager}}
{{#lambda_http}}
    #[error("building the HTTP response failed: {0}")]
    Response(#[from] lambda_http::http::Error),
{{/lambda_http}}
}

/// The runtime reports a failed invocation as a `Diagnostic`; since lambda_runtime 1.0 an
/// error type of our own needs this conversion (there is no blanket one).
impl From<HandlerError> for {{#lambda_http}}lambda_http::lambda_runtime::{{/lambda_http}}Diagnostic {
    fn from(err: HandlerError) -> Self {
        let error_type = match &err {
            HandlerError::InvalidEvent(_) => "InvalidEvent",
            HandlerError::Json(_) => "Json",
{{#text_writes}}
            HandlerError::NotText => "NotText",
{{/text_writes}}
{{^text_writes}}
{{^write.s3}}
{{#answers_caller}}
            HandlerError::NotText => "NotText",
{{/answers_caller}}
{{/write.s3}}
{{/text_writes}}
{{#blocking}}
            HandlerError::Task(_) => "Task",
{{/blocking}}
{{#rayon_batch}}
{{^ordered}}
            HandlerError::Batch(_) => "Batch",
{{/ordered}}
{{/rayon_batch}}
{{#clients.http}}
            HandlerError::Http(_) => "Http",
{{/clients.http}}
{{#s3_client}}
            HandlerError::S3(_) => "S3",
{{/s3_client}}
{{#reads_s3_object}}
            HandlerError::S3Body(_) => "S3Body",
{{/reads_s3_object}}
{{#clients.dynamodb}}
            HandlerError::DynamoDb(_) => "DynamoDb",
{{/clients.dynamodb}}
{{#write.dynamodb}}
            HandlerError::DynamoDbRequest(_) => "DynamoDbRequest",
            HandlerError::Unprocessed => "Unprocessed",
{{/write.dynamodb}}
{{#clients.sqs}}
            HandlerError::Sqs(_) => "Sqs",
{{/clients.sqs}}
{{#clients.sns}}
            HandlerError::Sns(_) => "Sns",
{{/clients.sns}}
{{#clients.secrets_manager}}
            HandlerError::SecretsManager(_) => "SecretsManager",
            HandlerError::Secret(_) => "Secret",
{{/clients.secrets_manager}}
{{#lambda_http}}
            HandlerError::Response(_) => "Response",
{{/lambda_http}}
        };
        Self {
            error_type: error_type.to_string(),
            error_message: err.to_string(),
        }
    }
}
