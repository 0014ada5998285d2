
/// Why an invocation, or one record of a batch, failed.
#[derive(Debug, thiserror::Error)]
enum HandlerError {
    #[error("invalid event: {0}")]
    InvalidEvent(String),
    #[error("invalid JSON: {0}")]
    Json(#[from] serde_json::Error),
{{#blocking}}
    #[error("the CPU task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
{{/blocking}}
{{#clients.http}}
    #[error("HTTP call failed: {0}")]
    Http(#[from] reqwest::Error),
{{/clients.http}}
{{#s3_client}}
    #[error("S3 call failed: {0}")]
    S3(#[from] aws_sdk_s3::Error),
{{/s3_client}}
{{#reads_s3_object}}
    #[error("reading the S3 object failed: {0}")]
    S3Body(String),
{{/reads_s3_object}}
{{#clients.dynamodb}}
    #[error("DynamoDB call failed: {0}")]
    DynamoDb(#[from] aws_sdk_dynamodb::Error),
{{/clients.dynamodb}}
{{#clients.sqs}}
    #[error("SQS call failed: {0}")]
    Sqs(#[from] aws_sdk_sqs::Error),
{{/clients.sqs}}
{{#clients.sns}}
    #[error("SNS call failed: {0}")]
    Sns(#[from] aws_sdk_sns::Error),
{{/clients.sns}}
{{#event_source.http}}
    #[error("building the HTTP response failed: {0}")]
    Response(#[from] lambda_http::http::Error),
{{/event_source.http}}
}

/// The runtime reports a failed invocation as a `Diagnostic`; since lambda_runtime 1.0 an
/// error type of our own needs this conversion (there is no blanket one).
impl From<HandlerError> for {{#event_source.http}}lambda_http::lambda_runtime::{{/event_source.http}}Diagnostic {
    fn from(err: HandlerError) -> Self {
        let error_type = match &err {
            HandlerError::InvalidEvent(_) => "InvalidEvent",
            HandlerError::Json(_) => "Json",
{{#blocking}}
            HandlerError::Task(_) => "Task",
{{/blocking}}
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
{{#clients.sqs}}
            HandlerError::Sqs(_) => "Sqs",
{{/clients.sqs}}
{{#clients.sns}}
            HandlerError::Sns(_) => "Sns",
{{/clients.sns}}
{{#event_source.http}}
            HandlerError::Response(_) => "Response",
{{/event_source.http}}
        };
        Self {
            error_type: error_type.to_string(),
            error_message: err.to_string(),
        }
    }
}
