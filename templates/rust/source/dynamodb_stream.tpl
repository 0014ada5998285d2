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
            let body = serde_json::to_string(&record.change.new_image)?;
            Ok(Job { id, body })
        })
        .collect()
}
{{#batch_failures.yes}}

/// Handles one batch of DynamoDB stream records. Failed records are reported by sequence
/// number and Lambda retries from the lowest one; the event source mapping needs
/// `FunctionResponseTypes: ["ReportBatchItemFailures"]`.
async fn function_handler(
    event: LambdaEvent<Event>,
    app: &App,
) -> Result<DynamoDbEventResponse, HandlerError> {
    let jobs = jobs_from(event.payload)?;
    let results = run_jobs(jobs, app).await;
    let mut response = DynamoDbEventResponse::default();
    for (id, result) in results {
        if let Err(err) = result {
            tracing::error!(sequence_number = %id, error = %err, "record failed, retried");
            let mut failure = DynamoDbBatchItemFailure::default();
            failure.item_identifier = Some(id);
            response.batch_item_failures.push(failure);
        }
    }
    Ok(response)
}
{{/batch_failures.yes}}
{{^batch_failures.yes}}

/// Handles one batch of DynamoDB stream records. Any failure fails the whole batch, which
/// Lambda retries (answer batch_failures=yes to retry from the first failed record only).
async fn function_handler(event: LambdaEvent<Event>, app: &App) -> Result<(), HandlerError> {
    let jobs = jobs_from(event.payload)?;
    let results = run_jobs(jobs, app).await;
    all_ok(results)?;
    Ok(())
}
{{/batch_failures.yes}}
