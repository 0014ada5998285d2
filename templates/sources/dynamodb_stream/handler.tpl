{{>rust/job}}

/// Each change is identified by its sequence number (what a partial batch response reports);
/// its data is the new image of the item, as JSON.
fn jobs_from(event: Event) -> Result<Vec<Job>, HandlerError> {
    event
        .records
        .into_iter()
        .map(|record| {
            let id = record.change.sequence_number.ok_or_else(|| {
                HandlerError::InvalidEvent("a change without a sequence number".into())
            })?;
            let body = serde_json::to_vec(&record.change.new_image)?;
            Ok(Job { id, body })
        })
        .collect()
}
{{#batch_failures.yes}}

/// Handles one batch of DynamoDB stream records, in order. The first record that fails stops the batch
/// and is reported by its sequence number: Lambda retries from it (it and every record
/// after it), so a record is never processed before the ones ahead of it. The event source
/// mapping needs `FunctionResponseTypes: ["ReportBatchItemFailures"]`.
async fn function_handler(
    event: LambdaEvent<Event>,
    app: &App,
) -> Result<DynamoDbEventResponse, HandlerError> {
    let jobs = jobs_from(event.payload)?;
    let mut response = DynamoDbEventResponse::default();
    if let Some((id, err)) = first_failure(jobs, app).await {
        tracing::error!(sequence_number = %id, error = %err, "record failed, retried from here");
        let mut failure = DynamoDbBatchItemFailure::default();
        failure.item_identifier = Some(id);
        response.batch_item_failures.push(failure);
    }
    Ok(response)
}
{{/batch_failures.yes}}
{{^batch_failures.yes}}

/// Handles one batch of DynamoDB stream records, in order. The first record that fails stops the batch
/// and fails the invocation: Lambda retries the whole batch (answer batch_failures=yes to
/// retry from the failed record only).
async fn function_handler(event: LambdaEvent<Event>, app: &App) -> Result<(), HandlerError> {
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
