{{>rust/job}}

/// One EventBridge event (or schedule tick) is one job; its data is the event's `detail`.
fn jobs_from(event: EventBridgeEvent) -> Result<Vec<Job>, HandlerError> {
    let id = event
        .id
        .ok_or_else(|| HandlerError::InvalidEvent("an event without an id".into()))?;
    let body = serde_json::to_vec(&event.detail)?;
    Ok(vec![Job { id, body }])
}

/// Handles one EventBridge event. A failure makes Lambda retry the invocation (EventBridge
/// invokes asynchronously).
async fn function_handler(
    event: LambdaEvent<EventBridgeEvent>,
    app: &App,
) -> Result<(), HandlerError> {
    let jobs = jobs_from(event.payload)?;
    let results = run_jobs(jobs, app).await;
    all_ok(results)?;
    Ok(())
}
