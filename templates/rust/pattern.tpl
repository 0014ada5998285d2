{{#pattern.async-sequential}}

/// The calls depend on each other, so they run one after the other: the output of one is
/// the input of the next.
{{/pattern.async-sequential}}
{{#pattern.async-concurrent}}
{{#fan_out_size.many}}

/// One job's calls; the jobs themselves run concurrently, bounded (see `run_jobs`).
{{/fan_out_size.many}}
{{/pattern.async-concurrent}}
{{#pattern.spawn-blocking}}

/// The CPU-heavy step runs on tokio's blocking pool (`spawn_blocking`), so it never stalls
/// the async threads that drive the runtime and the I/O.
{{/pattern.spawn-blocking}}
{{#pattern.spawn-blocking-rayon}}

/// The CPU-heavy step runs on tokio's blocking pool (`spawn_blocking`), where rayon spreads
/// the independent items over the cores; the async threads stay free.
{{/pattern.spawn-blocking-rayon}}
{{#pattern.mixed-pipeline}}

/// The pipeline: download (async I/O) -> process (CPU, on the blocking pool) -> upload
/// (async I/O). The CPU step never runs on an async thread.
{{/pattern.mixed-pipeline}}
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
async fn process(job: Job, app: &App) -> Result<String, HandlerError> {
    tracing::info!(job = %job.id, "processing");
    let input = fetch(&job, app).await?;
    let output = tokio::task::spawn_blocking(move || transform_all(&input)).await??;
    store(&job, output, app).await
}
{{/blocking}}
{{/concurrent_few}}
