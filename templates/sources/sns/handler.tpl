{{>rust/job}}

fn jobs_from(event: SnsEvent) -> Result<Vec<Job>, HandlerError> {
    event
        .records
        .into_iter()
        .map(|record| {
            let id = record.sns.message_id;
            if id.is_empty() {
                return Err(HandlerError::InvalidEvent("a message without an id".into()));
            }
            let body = record.sns.message.into_bytes();
            Ok(Job { id, body })
        })
        .collect()
}

/// Handles the SNS notifications of one invocation (usually one). A failure makes Lambda
/// retry the invocation (SNS invokes asynchronously: twice more, then the DLQ or destination).
async fn function_handler(event: LambdaEvent<SnsEvent>, app: &App) -> Result<(), HandlerError> {
    let jobs = jobs_from(event.payload)?;
    let results = run_jobs(jobs, app).await;
    all_ok(results)?;
    Ok(())
}
