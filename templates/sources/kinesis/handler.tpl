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
            // Kinesis data is arbitrary bytes: kept as they are (see `Job::body`).
            let body = record.kinesis.data.to_vec();
            Ok(Job { id, body })
        })
        .collect()
}
{{#batch_failures.yes}}

/// Handles one batch of Kinesis records, in order. The first record that fails stops the batch
/// and is reported by its sequence number: Lambda retries from it (it and every record
/// after it), so a record is never processed before the ones ahead of it. The event source
/// mapping needs `FunctionResponseTypes: ["ReportBatchItemFailures"]`.
async fn function_handler(
    event: LambdaEvent<KinesisEvent>,
    app: &App,
) -> Result<KinesisEventResponse, HandlerError> {
    let jobs = jobs_from(event.payload)?;
    let mut response = KinesisEventResponse::default();
    if let Some((id, err)) = first_failure(jobs, app).await {
        tracing::error!(sequence_number = %id, error = %err, "record failed, retried from here");
        let mut failure = KinesisBatchItemFailure::default();
        failure.item_identifier = Some(id);
        response.batch_item_failures.push(failure);
    }
    Ok(response)
}
{{/batch_failures.yes}}
{{^batch_failures.yes}}

/// Handles one batch of Kinesis records, in order. The first record that fails stops the batch
/// and fails the invocation: Lambda retries the whole batch (answer batch_failures=yes to
/// retry from the failed record only).
async fn function_handler(event: LambdaEvent<KinesisEvent>, app: &App) -> Result<(), HandlerError> {
    let jobs = jobs_from(event.payload)?;
    match first_failure(jobs, app).await {
        Some((id, err)) => {
            tracing::error!(sequence_number = %id, error = %err, "record failed, batch retried");
            Err(err)
        }
        None => Ok(()),
    }
}
{{/batch_failures.yes}}
