
/// Created once per execution environment (in `main`) and borrowed by every invocation.
{{^app_fields}}
struct App {}
{{/app_fields}}
{{#app_fields}}
struct App {
{{#clients.http}}
    /// One HTTP client (connection pool, rustls) for all invocations.
    http: reqwest::Client,
    /// Base URL of the HTTP API this function calls (env `API_URL`, checked at start).
    api_url: reqwest::Url,
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
{{#rayon.yes}}
    /// rayon's threads for the CPU step: one per vCPU the function has (see `rayon_pool`).
    pool: std::sync::Arc<rayon::ThreadPool>,
{{/rayon.yes}}
{{#clients.secrets_manager}}
    /// The API key, from Secrets Manager (env `SECRET_ID`), cached (see `CachedSecret`).
{{^clients.http}}
    #[allow(dead_code)] // pass `app.api_key.get().await?` to the calls that need it
{{/clients.http}}
    api_key: CachedSecret,
{{/clients.secrets_manager}}
}
{{/app_fields}}
{{#clients.secrets_manager}}

/// How long a secret read from Secrets Manager is used before it is read again: a rotated
/// secret reaches the warm execution environments within this time, and most invocations
/// make no call.
const SECRET_TTL: Duration = Duration::from_secs(300);

/// A Secrets Manager secret, read when first needed and again once `SECRET_TTL` has passed.
struct CachedSecret {
    client: aws_sdk_secretsmanager::Client,
    id: String,
    cached: std::sync::Mutex<Option<(std::time::Instant, String)>>,
}

{{^clients.http}}
#[allow(dead_code)] // `get` is for the calls that need the secret
{{/clients.http}}
impl CachedSecret {
    fn new(client: aws_sdk_secretsmanager::Client, id: String) -> Self {
        let cached = std::sync::Mutex::new(None);
        Self { client, id, cached }
    }

    /// The secret's value: the cached one while fresh, else read again (a failed read is
    /// an error of this invocation; the next one tries again).
    async fn get(&self) -> Result<String, HandlerError> {
        let fresh = {
            let cached = self.cached.lock().unwrap_or_else(|err| err.into_inner());
            match &*cached {
                Some((read_at, value)) if read_at.elapsed() < SECRET_TTL => Some(value.clone()),
                _ => None,
            }
        };
        if let Some(value) = fresh {
            return Ok(value);
        }
        let output = self
            .client
            .get_secret_value()
            .secret_id(&self.id)
            .send()
            .await
            .map_err(aws_sdk_secretsmanager::Error::from)?;
        let value = output
            .secret_string()
            .ok_or_else(|| HandlerError::Secret("the secret has no string value".into()))?
            .to_string();
        let now = std::time::Instant::now();
        *self.cached.lock().unwrap_or_else(|err| err.into_inner()) = Some((now, value.clone()));
        Ok(value)
    }
}
{{/clients.secrets_manager}}
