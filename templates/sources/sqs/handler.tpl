{{>rust/job}}

/// A message without an id could not be reported as failed, so it fails the whole batch.
fn jobs_from(event: SqsEvent) -> Result<Vec<Job>, HandlerError> {
    event
        .records
        .into_iter()
        .map(|message| {
            let id = message
                .message_id
                .ok_or_else(|| HandlerError::InvalidEvent("a message without an id".into()))?;
            let body = message.body.unwrap_or_default().into_bytes();
            Ok(Job { id, body })
        })
        .collect()
}
{{#batch_failures.yes}}

/// Handles one batch of SQS messages. Only the messages that failed go back to the queue:
/// the event source mapping needs `FunctionResponseTypes: ["ReportBatchItemFailures"]`.
async fn function_handler(
    event: LambdaEvent<SqsEvent>,
    app: &App,
) -> Result<SqsBatchResponse, HandlerError> {
    let jobs = jobs_from(event.payload)?;
    let results = run_jobs(jobs, app).await;
    let mut response = SqsBatchResponse::default();
    for (id, result) in results {
        if let Err(err) = result {
            tracing::error!(message_id = %id, error = %err, "message failed, back to the queue");
            let mut failure = BatchItemFailure::default();
            failure.item_identifier = id;
            response.batch_item_failures.push(failure);
        }
    }
    Ok(response)
}
{{/batch_failures.yes}}
{{^batch_failures.yes}}

/// Handles one batch of SQS messages. Any failure fails the whole batch, and SQS delivers
/// all of its messages again (answer batch_failures=yes to retry only the failed ones).
async fn function_handler(event: LambdaEvent<SqsEvent>, app: &App) -> Result<(), HandlerError> {
    let jobs = jobs_from(event.payload)?;
    let results = run_jobs(jobs, app).await;
    all_ok(results)?;
    Ok(())
}
{{/batch_failures.yes}}
