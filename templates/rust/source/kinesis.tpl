{{>rust/job}}

/// Each record is identified by its sequence number, which is also what a partial batch
/// response reports; a record without one fails the whole batch.
fn jobs_from(event: KinesisEvent) -> Result<Vec<Job>, HandlerError> {
    event
        .records
        .into_iter()
        .map(|record| {
            let id = record.kinesis.sequence_number;
            if id.is_empty() {
                let reason = "a record without a sequence number".to_string();
                return Err(HandlerError::InvalidEvent(reason));
            }
            let body = String::from_utf8_lossy(&record.kinesis.data).into_owned();
            Ok(Job { id, body })
        })
        .collect()
}
{{#batch_failures.yes}}

/// Handles one batch of Kinesis records. Failed records are reported by sequence number and
/// Lambda retries from the lowest one; the event source mapping needs
/// `FunctionResponseTypes: ["ReportBatchItemFailures"]`.
async fn function_handler(
    event: LambdaEvent<KinesisEvent>,
    app: &App,
) -> Result<KinesisEventResponse, HandlerError> {
    let jobs = jobs_from(event.payload)?;
    let results = run_jobs(jobs, app).await;
    let mut response = KinesisEventResponse::default();
    for (id, result) in results {
        if let Err(err) = result {
            tracing::error!(sequence_number = %id, error = %err, "record failed, retried");
            let mut failure = KinesisBatchItemFailure::default();
            failure.item_identifier = Some(id);
            response.batch_item_failures.push(failure);
        }
    }
    Ok(response)
}
{{/batch_failures.yes}}
{{^batch_failures.yes}}

/// Handles one batch of Kinesis records. Any failure fails the whole batch, which Lambda
/// retries (answer batch_failures=yes to retry from the first failed record only).
async fn function_handler(event: LambdaEvent<KinesisEvent>, app: &App) -> Result<(), HandlerError> {
    let jobs = jobs_from(event.payload)?;
    let results = run_jobs(jobs, app).await;
    all_ok(results)?;
    Ok(())
}
{{/batch_failures.yes}}
