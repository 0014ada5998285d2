{{^blocking}}

/// A cheap step between the calls (cheap enough for an async thread); replace it with yours.
fn summarize(input: &[u8]) -> Vec<u8> {
    format!("{} bytes", input.len()).into_bytes()
}
{{/blocking}}
{{#blocking}}
{{#collection}}

/// The size of the independent items the CPU step works on.
const CHUNK_SIZE: usize = 64 * 1024;
{{#rayon.yes}}

/// The CPU step, on the blocking pool: rayon spreads the independent chunks over the cores
/// (worth it from two vCPUs' worth of memory, 3,538 MB, up).
fn transform_all(input: &[u8]) -> Result<Vec<u8>, HandlerError> {
    use rayon::prelude::*;

    let parts = input
        .par_chunks(CHUNK_SIZE)
        .map(transform)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(parts.concat())
}
{{/rayon.yes}}
{{^rayon.yes}}

/// The CPU step, on the blocking pool, one chunk after the other: with less than two vCPUs'
/// worth of memory (3,538 MB), rayon's threads would only take turns on the same core.
fn transform_all(input: &[u8]) -> Result<Vec<u8>, HandlerError> {
    let parts = input
        .chunks(CHUNK_SIZE)
        .map(transform)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(parts.concat())
}
{{/rayon.yes}}
{{/collection}}
{{^collection}}

/// The CPU step, on the blocking pool.
fn transform_all(input: &[u8]) -> Result<Vec<u8>, HandlerError> {
    transform(input)
}
{{/collection}}

/// Replace with your CPU-heavy work (parsing, image work, compression, hashing...).
fn transform(chunk: &[u8]) -> Result<Vec<u8>, HandlerError> {
    Ok(chunk.to_ascii_uppercase())
}
{{/blocking}}

/// Reads the job's input.
async fn fetch(job: &Job, {{#fetch.event}}_{{/fetch.event}}app: &App) -> Result<Vec<u8>, HandlerError> {
{{#fetch.s3_event}}
    read_object(app, &job.bucket, &job.key).await
{{/fetch.s3_event}}
{{#fetch.s3}}
    read_object(app, &app.bucket, job.body.trim()).await
{{/fetch.s3}}
{{#fetch.http}}
    let response = app
        .http
        .post(&app.api_url)
{{#clients.secrets_manager}}
        .bearer_auth(&app.api_key)
{{/clients.secrets_manager}}
        .body(job.body.clone())
        .send()
        .await?
        .error_for_status()?;
    Ok(response.bytes().await?.to_vec())
{{/fetch.http}}
{{#fetch.dynamodb}}
    let key = aws_sdk_dynamodb::types::AttributeValue::S(job.body.trim().to_string());
    let output = app
        .dynamodb
        .get_item()
        .table_name(&app.table)
        .key("pk", key)
        .send()
        .await
        .map_err(aws_sdk_dynamodb::Error::from)?;
    // Map the item to your own type here.
    Ok(format!("{:?}", output.item()).into_bytes())
{{/fetch.dynamodb}}
{{#fetch.event}}
    // The event carries the data; read more here if the job needs it.
    Ok(job.body.clone().into_bytes())
{{/fetch.event}}
}
{{#concurrent_few}}

/// A second read that does not depend on the first, so both run at once.
async fn fetch_details(job: &Job, {{#fetch.event}}_{{/fetch.event}}app: &App) -> Result<String, HandlerError> {
{{#fetch.s3_event}}
    let head = app
        .s3
        .head_object()
        .bucket(&job.bucket)
        .key(&job.key)
        .send()
        .await
        .map_err(aws_sdk_s3::Error::from)?;
    let size = head.content_length().unwrap_or(0);
    Ok(format!(" ({size} bytes stored)"))
{{/fetch.s3_event}}
{{#fetch.s3}}
    let head = app
        .s3
        .head_object()
        .bucket(&app.bucket)
        .key(job.body.trim())
        .send()
        .await
        .map_err(aws_sdk_s3::Error::from)?;
    let size = head.content_length().unwrap_or(0);
    Ok(format!(" ({size} bytes stored)"))
{{/fetch.s3}}
{{#fetch.http}}
    let response = app
        .http
        .get(format!("{}/details/{}", app.api_url, job.id))
{{#clients.secrets_manager}}
        .bearer_auth(&app.api_key)
{{/clients.secrets_manager}}
        .send()
        .await?
        .error_for_status()?;
    Ok(response.text().await?)
{{/fetch.http}}
{{#fetch.dynamodb}}
    let key = aws_sdk_dynamodb::types::AttributeValue::S(format!("details#{}", job.id));
    let output = app
        .dynamodb
        .get_item()
        .table_name(&app.table)
        .key("pk", key)
        .send()
        .await
        .map_err(aws_sdk_dynamodb::Error::from)?;
    Ok(format!(" {:?}", output.item()))
{{/fetch.dynamodb}}
{{#fetch.event}}
    // Replace with a second, independent call (no client was chosen).
    Ok(format!(" (job {})", job.id))
{{/fetch.event}}
}
{{/concurrent_few}}
{{#reads_s3_object}}

/// Downloads a whole object.
async fn read_object(app: &App, bucket: &str, key: &str) -> Result<Vec<u8>, HandlerError> {
    let object = app
        .s3
        .get_object()
        .bucket(bucket)
        .key(key)
        .send()
        .await
        .map_err(aws_sdk_s3::Error::from)?;
    let data = object
        .body
        .collect()
        .await
        .map_err(|err| HandlerError::S3Body(err.to_string()))?;
    Ok(data.to_vec())
}
{{/reads_s3_object}}

/// Writes the job's result{{#writes}}; the writes are independent, so they run at once{{/writes}}.
async fn store(job: &Job, output: Vec<u8>, {{^writes}}_{{/writes}}app: &App) -> Result<String, HandlerError> {
    let text = String::from_utf8_lossy(&output).into_owned();
{{#writes}}
    let mut writes: Vec<futures::future::BoxFuture<'_, Result<(), HandlerError>>> = Vec::new();
{{#write.http}}
    writes.push(Box::pin(post_result(app, &text)));
{{/write.http}}
{{#write.s3}}
    writes.push(Box::pin(write_object(app, &job.id, output.clone())));
{{/write.s3}}
{{#write.dynamodb}}
    writes.push(Box::pin(put_item(app, &job.id, &text)));
{{/write.dynamodb}}
{{#write.sqs}}
    writes.push(Box::pin(send_message(app, &text)));
{{/write.sqs}}
{{#write.sns}}
    writes.push(Box::pin(publish(app, &text)));
{{/write.sns}}
    futures::future::try_join_all(writes).await?;
{{/writes}}
    tracing::info!(job = %job.id, bytes = output.len(), "done");
    Ok(text)
}
{{#write.http}}

/// Sends the result to the HTTP API.
async fn post_result(app: &App, text: &str) -> Result<(), HandlerError> {
    app.http
        .post(format!("{}/results", app.api_url))
{{#clients.secrets_manager}}
        .bearer_auth(&app.api_key)
{{/clients.secrets_manager}}
        .body(text.to_string())
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
{{/write.http}}
{{#write.s3}}

/// Writes the result as an object of the output bucket.
async fn write_object(app: &App, key: &str, data: Vec<u8>) -> Result<(), HandlerError> {
    app.s3
        .put_object()
        .bucket(&app.output_bucket)
        .key(key)
        .body(aws_sdk_s3::primitives::ByteStream::from(data))
        .send()
        .await
        .map_err(aws_sdk_s3::Error::from)?;
    Ok(())
}
{{/write.s3}}
{{#write.dynamodb}}

/// Writes the result as an item of the table.
async fn put_item(app: &App, id: &str, text: &str) -> Result<(), HandlerError> {
    use aws_sdk_dynamodb::types::AttributeValue;

    app.dynamodb
        .put_item()
        .table_name(&app.table)
        .item("pk", AttributeValue::S(id.to_string()))
        .item("result", AttributeValue::S(text.to_string()))
        .send()
        .await
        .map_err(aws_sdk_dynamodb::Error::from)?;
    Ok(())
}
{{/write.dynamodb}}
{{#write.sqs}}

/// Sends the result to the queue.
async fn send_message(app: &App, text: &str) -> Result<(), HandlerError> {
    app.sqs
        .send_message()
        .queue_url(&app.queue_url)
        .message_body(text)
        .send()
        .await
        .map_err(aws_sdk_sqs::Error::from)?;
    Ok(())
}
{{/write.sqs}}
{{#write.sns}}

/// Publishes the result to the topic.
async fn publish(app: &App, text: &str) -> Result<(), HandlerError> {
    app.sns
        .publish()
        .topic_arn(&app.topic_arn)
        .message(text)
        .send()
        .await
        .map_err(aws_sdk_sns::Error::from)?;
    Ok(())
}
{{/write.sns}}
