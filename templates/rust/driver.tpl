{{#ordered}}
{{#rayon_batch}}

/// Stores the transformed records one after the other, in the stream's order, and stops at
/// the first failure (reading or transforming it, or storing it): returns the failed
/// record's id (its sequence number) and why. Nothing after a failure is stored; Lambda
/// retries from the failed record.
async fn first_failure(jobs: Vec<Job>, app: &App) -> Option<(String, HandlerError)> {
    use futures::StreamExt;

    let first = jobs.first().map(|job| job.id.clone()).unwrap_or_default();
    let transformed = match transform_batch(jobs, app).await {
        Ok(transformed) => transformed,
        Err(err) => return Some((first, err)),
    };
    let failures = futures::stream::iter(transformed)
        .then(|(job, output)| async move {
            let result = match output {
                Ok(output) => store(&job, output, app).await,
                Err(err) => Err(err),
            };
            (job.id, result)
        })
        .filter_map(|(id, result)| async move { result.err().map(|err| (id, err)) });
    // The stream is lazy: taking its first failure stores no record after that one.
    std::pin::pin!(failures).next().await
}
{{/rayon_batch}}
{{^rayon_batch}}

/// Runs the records one after the other, in the stream's order, and stops at the first
/// failure: returns the failed record's id (its sequence number) and why. Records of a
/// shard must not be processed out of order, so nothing after a failure runs; Lambda
/// retries from the failed record. (The calls inside one record may still run at once.)
async fn first_failure(jobs: Vec<Job>, app: &App) -> Option<(String, HandlerError)> {
    use futures::StreamExt;

    let failures = futures::stream::iter(jobs)
        .then(|job| async move {
            let id = job.id.clone();
            (id, process(job, app).await)
        })
        .filter_map(|(id, result)| async move { result.err().map(|err| (id, err)) });
    // The stream is lazy: taking its first failure runs no record after that one.
    std::pin::pin!(failures).next().await
}
{{/rayon_batch}}
{{/ordered}}
{{^ordered}}

/// A job's id with its result.
type Outcome = (String, Result<String, HandlerError>);

{{#rayon_batch}}
/// Transforms the batch at once (see `transform_batch`), then stores each record's result:
/// one outcome per record.
async fn run_jobs(jobs: Vec<Job>, app: &App) -> Vec<Outcome> {
    use futures::StreamExt;

    let ids: Vec<String> = jobs.iter().map(|job| job.id.clone()).collect();
    let transformed = match transform_batch(jobs, app).await {
        Ok(transformed) => transformed,
        Err(err) => {
            // Only a task cancelled by the runtime shutting down gets here.
            let reason = err.to_string();
            let failed = |id| (id, Err(HandlerError::Batch(reason.clone())));
            return ids.into_iter().map(failed).collect();
        }
    };
    futures::stream::iter(transformed)
        .then(|(job, output)| async move {
            let result = match output {
                Ok(output) => store(&job, output, app).await,
                Err(err) => Err(err),
            };
            (job.id, result)
        })
        .collect()
        .await
}
{{/rayon_batch}}
{{^rayon_batch}}
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
{{/rayon_batch}}
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
{{/ordered}}
