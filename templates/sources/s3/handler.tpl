
/// One S3 object to process.
#[derive(Debug)]
struct Job {
    /// `bucket/key`, for logs and failure reports.
    id: String,
    bucket: String,
    /// The object key, URL-decoded.
    key: String,
}

/// Object keys arrive URL-encoded in S3 events (`+` for a space, `%XX` for other bytes);
/// the SDK wants the decoded key.
fn url_decode_key(key: &str) -> String {
    let spaced = key.replace('+', " ");
    percent_encoding::percent_decode_str(&spaced)
        .decode_utf8_lossy()
        .into_owned()
}

/// A record without a bucket or a key cannot be processed: it fails the invocation.
fn missing(what: &str) -> HandlerError {
    HandlerError::InvalidEvent(format!("a record without {what}"))
}

/// Only new objects are processed: a deletion (`ObjectRemoved:*`, if the bucket sends them
/// here) has nothing to read.
fn is_created(record: &S3EventRecord) -> bool {
    let created =
        matches!(record.event_name.as_deref(), Some(name) if name.starts_with("ObjectCreated:"));
    if !created {
        tracing::info!(event = ?record.event_name, "not a new object, skipped");
    }
    created
}

fn jobs_from(event: S3Event) -> Result<Vec<Job>, HandlerError> {
    event
        .records
        .into_iter()
        .filter(is_created)
        .map(|record| {
            let bucket = record.s3.bucket.name.ok_or_else(|| missing("a bucket"))?;
            let raw_key = record.s3.object.key.ok_or_else(|| missing("a key"))?;
            let key = url_decode_key(&raw_key);
            let id = format!("{bucket}/{key}");
            Ok(Job { id, bucket, key })
        })
        .collect()
}

/// Handles the S3 notifications of one invocation. A failure makes Lambda retry the
/// invocation (S3 invokes asynchronously: twice more, then the DLQ or destination).
async fn function_handler(event: LambdaEvent<S3Event>, app: &App) -> Result<(), HandlerError> {
    let jobs = jobs_from(event.payload)?;
    let results = run_jobs(jobs, app).await;
    all_ok(results)?;
    Ok(())
}
