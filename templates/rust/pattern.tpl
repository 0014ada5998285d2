{{#pattern.async-sequential}}

/// The calls depend on each other, so they run one after the other: the output of one is
/// the input of the next.
{{/pattern.async-sequential}}
{{#pattern.spawn-blocking}}

/// The CPU-heavy step runs on tokio's blocking pool (`spawn_blocking`), so it never stalls
/// the async threads that drive the runtime and the I/O.
{{/pattern.spawn-blocking}}
{{^rayon_batch}}
{{#pattern.spawn-blocking-rayon}}

/// The CPU-heavy step runs on tokio's blocking pool (`spawn_blocking`), where rayon spreads
/// the independent items over the cores; the async threads stay free.
{{/pattern.spawn-blocking-rayon}}
{{#pattern.mixed-pipeline}}

/// The pipeline: download (async I/O) -> process (CPU, on the blocking pool) -> upload
/// (async I/O). The CPU step never runs on an async thread.
{{/pattern.mixed-pipeline}}
{{/rayon_batch}}
{{#fan_out_many}}
{{#pattern.async-concurrent}}

/// The job's payload is a list of items and each item is one call: the calls run at the same
/// time, at most `CONCURRENCY_LIMIT` in flight, so the invocation takes about
/// (items / limit) x one call instead of items x one call.
{{/pattern.async-concurrent}}
async fn process(job: Job, app: &App) -> Result<String, HandlerError> {
    tracing::info!(job = %job.id, "processing");
{{#fetch_step}}
    let payload = fetch(&job, app).await?;
{{/fetch_step}}
{{^fetch_step}}
    let payload = job.body.clone();
{{/fetch_step}}
    let items = items_of(&payload)?;
    tracing::info!(job = %job.id, items = items.len(), "fanning out");
    let outputs = fan_out(&job, items, app).await?;
{{#blocking}}
{{#rayon.yes}}
    let pool = app.pool.clone();
    let output =
        tokio::task::spawn_blocking(move || pool.install(|| transform_all(&outputs.concat())))
            .await??;
{{/rayon.yes}}
{{^rayon.yes}}
    let output = tokio::task::spawn_blocking(move || transform_all(&outputs.concat())).await??;
{{/rayon.yes}}
{{/blocking}}
{{^blocking}}
    let output = summarize(&outputs.concat());
{{/blocking}}
    store(&job, output, app).await
}

/// Calls in flight at most (the advice's concurrency_limit): enough to hide each call's
/// latency, not so many that the downstream, the sockets or the memory are swamped.
const CONCURRENCY_LIMIT: usize = {{concurrency_limit}};

/// The items of a payload: a JSON array of strings, else one item per non-empty line.
fn items_of(payload: &[u8]) -> Result<Vec<String>, HandlerError> {
    if let Ok(items) = serde_json::from_slice::<Vec<String>>(payload) {
        return Ok(items);
    }
    let text = std::str::from_utf8(payload)
        .map_err(|_| HandlerError::InvalidEvent("the payload is not text".into()))?;
    let lines = text.lines().map(str::trim).filter(|line| !line.is_empty());
    Ok(lines.map(String::from).collect())
}

/// One call per item, at most `CONCURRENCY_LIMIT` in flight. The first error fails the job
/// and drops (cancels) the calls still in flight. The outputs come in completion order.
async fn fan_out(job: &Job, items: Vec<String>, app: &App) -> Result<Vec<Vec<u8>>, HandlerError> {
    use futures::{StreamExt, TryStreamExt};

    futures::stream::iter(items)
        .map(|item| fetch_item(job, item, app))
        .buffer_unordered(CONCURRENCY_LIMIT)
        .try_collect()
        .await
}
{{/fan_out_many}}
{{^fan_out_many}}
{{#concurrent_few}}

/// The calls are independent, so they run at the same time (`try_join!`): the invocation
/// waits for the slowest of them, not for their sum, and the first error cancels the rest.
async fn process(job: Job, app: &App) -> Result<String, HandlerError> {
    tracing::info!(job = %job.id, "processing");
    let (input, details) = tokio::try_join!(fetch(&job, app), fetch_details(&job, app))?;
    let mut output = summarize(&input);
    output.extend_from_slice(details.as_bytes());
    store(&job, output, app).await
}
{{/concurrent_few}}
{{^concurrent_few}}
{{^blocking}}
async fn process(job: Job, app: &App) -> Result<String, HandlerError> {
    tracing::info!(job = %job.id, "processing");
    let input = fetch(&job, app).await?;
    let output = summarize(&input);
    store(&job, output, app).await
}
{{/blocking}}
{{#blocking}}
{{#rayon_batch}}

/// Inputs read at the same time at most: the reads of a batch overlap (the batch waits
/// about records / limit reads, not one per record) without a burst of connections.
const FETCHES_IN_FLIGHT: usize = 8;

/// The batch's records are the collection: the records' inputs are read concurrently (at
/// most `FETCHES_IN_FLIGHT` at once), then ONE blocking task transforms all of them, spread
/// over the cores by rayon (`spawn_blocking`: the async threads stay free), then each result
/// is stored{{#pattern.mixed-pipeline}} (download -> process -> upload){{/pattern.mixed-pipeline}}.
/// Returns each record with its output, in the batch's order (a failed read is that
/// record's failure, not the batch's).
async fn transform_batch(
    jobs: Vec<Job>,
    app: &App,
) -> Result<Vec<(Job, Result<Vec<u8>, HandlerError>)>, HandlerError> {
    use futures::StreamExt;
    use rayon::prelude::*;

    let inputs: Vec<(Job, Result<Vec<u8>, HandlerError>)> = futures::stream::iter(jobs)
        .map(|job| async move {
            let input = fetch(&job, app).await;
            (job, input)
        })
        .buffered(FETCHES_IN_FLIGHT)
        .collect()
        .await;
    let pool = app.pool.clone();
    let outputs = tokio::task::spawn_blocking(move || {
        pool.install(|| {
            inputs
                .into_par_iter()
                .map(|(job, input)| {
                    let output = input.and_then(|input| transform(&input));
                    (job, output)
                })
                .collect()
        })
    })
    .await?;
    Ok(outputs)
}
{{/rayon_batch}}
{{^rayon_batch}}
async fn process(job: Job, app: &App) -> Result<String, HandlerError> {
    tracing::info!(job = %job.id, "processing");
    let input = fetch(&job, app).await?;
{{#rayon.yes}}
    let pool = app.pool.clone();
    let output =
        tokio::task::spawn_blocking(move || pool.install(|| transform_all(&input))).await??;
{{/rayon.yes}}
{{^rayon.yes}}
    let output = tokio::task::spawn_blocking(move || transform_all(&input)).await??;
{{/rayon.yes}}
    store(&job, output, app).await
}
{{/rayon_batch}}
{{/blocking}}
{{/concurrent_few}}
{{/fan_out_many}}
