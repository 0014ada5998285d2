
/// A job's id with its result.
type Outcome = (String, Result<String, HandlerError>);
{{#fan_out_size.many}}

/// Jobs in flight at most (the advice's concurrency_limit): enough to hide each call's
/// latency, not so many that the downstream, the sockets or the memory are swamped.
const CONCURRENCY_LIMIT: usize = {{concurrency_limit}};

/// Runs the jobs concurrently, at most `CONCURRENCY_LIMIT` at a time.
{{#event_source.kinesis}}
/// Records of a shard arrive in order and this gives that order up: fine for independent
/// records; use `.then(...)` instead of `.map(...).buffer_unordered(...)` if order matters.
{{/event_source.kinesis}}
{{#event_source.dynamodb_stream}}
/// Changes to an item arrive in order and this gives that order up: fine for independent
/// items; use `.then(...)` instead of `.map(...).buffer_unordered(...)` if order matters.
{{/event_source.dynamodb_stream}}
async fn run_jobs(jobs: Vec<Job>, app: &App) -> Vec<Outcome> {
    use futures::StreamExt;

    futures::stream::iter(jobs)
        .map(|job| async move {
            let id = job.id.clone();
            (id, process(job, app).await)
        })
        .buffer_unordered(CONCURRENCY_LIMIT)
        .collect()
        .await
}
{{/fan_out_size.many}}
{{^fan_out_size.many}}

/// Runs the jobs one after the other, in order (the concurrency is inside `process`).
async fn run_jobs(jobs: Vec<Job>, app: &App) -> Vec<Outcome> {
    use futures::StreamExt;

    futures::stream::iter(jobs)
        .then(|job| async move {
            let id = job.id.clone();
            (id, process(job, app).await)
        })
        .collect()
        .await
}
{{/fan_out_size.many}}
{{^batch_failures.yes}}

/// The outputs of all jobs, or the first error; every failure is logged.
fn all_ok(results: Vec<Outcome>) -> Result<Vec<String>, HandlerError> {
    results
        .into_iter()
        .map(|(id, result)| {
            if let Err(err) = &result {
                tracing::error!(job = %id, error = %err, "job failed");
            }
            result
        })
        .collect()
}
{{/batch_failures.yes}}
