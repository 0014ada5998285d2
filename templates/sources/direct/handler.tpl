{{>rust/job}}

/// The JSON this function is invoked with; adapt it to your callers.
#[derive(Debug, serde::Deserialize, serde::Serialize)]
struct Input {
    id: String,
    data: String,
}

/// The JSON it answers with.
#[derive(Debug, serde::Serialize)]
struct Output {
    id: String,
    result: String,
}

fn jobs_from(input: Input) -> Result<Vec<Job>, HandlerError> {
    if input.id.is_empty() {
        return Err(HandlerError::InvalidEvent("`id` is empty".into()));
    }
    Ok(vec![Job {
        id: input.id,
        body: input.data.into_bytes(),
    }])
}

/// Handles one direct invocation (`aws lambda invoke`, the SDK, Step Functions).
async fn function_handler(event: LambdaEvent<Input>, app: &App) -> Result<Output, HandlerError> {
    let jobs = jobs_from(event.payload)?;
    let id = jobs
        .iter()
        .map(|job| job.id.clone())
        .collect::<Vec<_>>()
        .join(",");
    let results = run_jobs(jobs, app).await;
    let result = all_ok(results)?.join("\n");
    Ok(Output { id, result })
}
