{{^blocking}}

/// A cheap step between the calls (cheap enough for an async thread); replace it with yours.
fn summarize(input: &[u8]) -> Vec<u8> {
    format!("{} bytes", input.len()).into_bytes()
}
{{/blocking}}
{{#blocking}}
{{^rayon_batch}}
{{#collection}}

/// The size of the independent items the CPU step works on.
const CHUNK_SIZE: usize = 64 * 1024;
{{#rayon.yes}}

/// The CPU step, on the blocking pool: rayon spreads the independent chunks of the payload
/// over the cores (`app.pool`, one thread per vCPU).
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
{{/rayon_batch}}

/// Replace with your CPU-heavy work (parsing, image work, compression, hashing...).
fn transform(chunk: &[u8]) -> Result<Vec<u8>, HandlerError> {
    Ok(chunk.to_ascii_uppercase())
}
{{/blocking}}
{{#fetch_step}}

/// Reads the job's input{{#fan_out_many}} (the list of items){{/fan_out_many}}.
async fn fetch(job: &Job, {{#fetch.event}}_{{/fetch.event}}app: &App) -> Result<Vec<u8>, HandlerError> {
{{#fetch.s3_event}}
    read_object(app, &job.bucket, &job.key).await
{{/fetch.s3_event}}
{{#fetch.s3}}
    read_object(app, &app.bucket, key_of(job)?).await
{{/fetch.s3}}
{{#fetch.http}}
    let response = app
        .http
        .post(app.api_url.clone())
{{#clients.secrets_manager}}
        .bearer_auth(app.api_key.get().await?)
{{/clients.secrets_manager}}
        .body(job.body.clone())
        .send()
        .await?
        .error_for_status()?;
    Ok(response.bytes().await?.to_vec())
{{/fetch.http}}
{{#fetch.dynamodb}}
{{#lambda_http}}
    // The request names the item: the path's last segment or the body's `id`.
    let key = aws_sdk_dynamodb::types::AttributeValue::S(job.id.clone());
{{/lambda_http}}
{{^lambda_http}}
    // The record's data is the item's key.
    let key = aws_sdk_dynamodb::types::AttributeValue::S(key_of(job)?.to_string());
{{/lambda_http}}
    let output = app
        .dynamodb
        .get_item()
        .table_name(&app.table)
        .key("pk", key)
        .send()
        .await
        .map_err(aws_sdk_dynamodb::Error::from)?;
{{#lambda_http}}
    // The stored item with the request's data (a GET's is its id): map both to your types.
    let mut data = format!("{:?} ", output.item()).into_bytes();
    data.extend_from_slice(&job.body);
    Ok(data)
{{/lambda_http}}
{{^lambda_http}}
    // Map the item to your own type here.
    Ok(format!("{:?}", output.item()).into_bytes())
{{/lambda_http}}
{{/fetch.dynamodb}}
{{#fetch.event}}
    // The event carries the data; read more here if the job needs it.
    Ok(job.body.clone())
{{/fetch.event}}
}
{{/fetch_step}}
{{#fan_out_many}}

/// One call for one item of the payload.
async fn fetch_item({{^fetch.s3_event}}_{{/fetch.s3_event}}{{#fetch.s3_event}}{{^item.s3}}_{{/item.s3}}{{/fetch.s3_event}}job: &Job, item: String, {{#item.none}}_{{/item.none}}app: &App) -> Result<Vec<u8>, HandlerError> {
{{#item.http}}
    let response = app
        .http
        .get(api_endpoint(&app.api_url, &["items", &item]))
{{#clients.secrets_manager}}
        .bearer_auth(app.api_key.get().await?)
{{/clients.secrets_manager}}
        .send()
        .await?
        .error_for_status()?;
    Ok(response.bytes().await?.to_vec())
{{/item.http}}
{{#item.s3}}
{{#fetch.s3_event}}
    // The item is the key of an object in the bucket of the manifest.
    read_object(app, &job.bucket, &item).await
{{/fetch.s3_event}}
{{^fetch.s3_event}}
    read_object(app, &app.bucket, &item).await
{{/fetch.s3_event}}
{{/item.s3}}
{{#item.dynamodb}}
    let key = aws_sdk_dynamodb::types::AttributeValue::S(item);
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
{{/item.dynamodb}}
{{#item.none}}
    // No client was chosen: replace with the call each item needs.
    Ok(item.into_bytes())
{{/item.none}}
}
{{/fan_out_many}}
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
        .key(key_of(job)?)
        .send()
        .await
        .map_err(aws_sdk_s3::Error::from)?;
    let size = head.content_length().unwrap_or(0);
    Ok(format!(" ({size} bytes stored)"))
{{/fetch.s3}}
{{#fetch.http}}
    let response = app
        .http
        .get(api_endpoint(&app.api_url, &["details", &job.id]))
{{#clients.secrets_manager}}
        .bearer_auth(app.api_key.get().await?)
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
{{#api_paths}}

/// The API's URL with these path segments added, each one percent-encoded: an id or an item
/// taken from the event cannot add segments, a query or a `..` to the path.
fn api_endpoint(base: &reqwest::Url, segments: &[&str]) -> reqwest::Url {
    let mut url = base.clone();
    // Never an error: `api_url()` refused a URL that cannot be a base.
    if let Ok(mut path) = url.path_segments_mut() {
        path.pop_if_empty().extend(segments);
    }
    url
}
{{/api_paths}}
{{#key_in_record}}

/// The key the record's data names (an object's, an item's), trimmed: a record whose data is
/// not text names nothing, and fails with this error rather than a mangled key.
fn key_of(job: &Job) -> Result<&str, HandlerError> {
    let text = std::str::from_utf8(&job.body).map_err(|_| {
        HandlerError::InvalidEvent(format!("record {}: the data is not a UTF-8 key", job.id))
    })?;
    Ok(text.trim())
}
{{/key_in_record}}
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

{{#writes}}
/// Writes the job's result{{#multi_writes}}; the writes are independent, so they run at once{{/multi_writes}}.
/// Returns what the invocation reports for the job{{#write.s3}}: where the result went{{/write.s3}}.
{{/writes}}
{{^writes}}
{{#answers_caller}}
/// The job's result, returned to the caller (no destination was chosen).
{{/answers_caller}}
{{^answers_caller}}
/// Where the job's result would be written: no destination was chosen, so it is only logged.
{{/answers_caller}}
{{/writes}}
async fn store({{^writes}}{{#answers_caller}}_{{/answers_caller}}{{/writes}}job: &Job, output: Vec<u8>, {{^writes}}_{{/writes}}app: &App) -> Result<String, HandlerError> {
{{#writes}}
    tracing::info!(job = %job.id, bytes = output.len(), "storing");
{{/writes}}
{{#write.s3}}
    let key = output_key(job)?;
{{/write.s3}}
{{#text_writes}}
    // Text destinations: a binary result is an error here, never mangled into text.
    let text = String::from_utf8(output{{#write.s3}}.clone(){{/write.s3}}).map_err(|_| HandlerError::NotText)?;
{{/text_writes}}
{{#multi_writes}}
    let mut writes: Vec<futures::future::BoxFuture<'_, Result<(), HandlerError>>> = Vec::new();
{{#write.http}}
    writes.push(Box::pin(post_result(app, &text)));
{{/write.http}}
{{#write.s3}}
    writes.push(Box::pin(write_object(app, &key, output)));
{{/write.s3}}
{{#write.dynamodb}}
    writes.push(Box::pin(put_rows(app, &job.id, &text)));
{{/write.dynamodb}}
{{#write.sqs}}
    writes.push(Box::pin(send_message(app, &text)));
{{/write.sqs}}
{{#write.sns}}
    writes.push(Box::pin(publish(app, &text)));
{{/write.sns}}
    futures::future::try_join_all(writes).await?;
{{/multi_writes}}
{{^multi_writes}}
{{#write.http}}
    post_result(app, &text).await?;
{{/write.http}}
{{#write.s3}}
    write_object(app, &key, output).await?;
{{/write.s3}}
{{#write.dynamodb}}
    put_rows(app, &job.id, &text).await?;
{{/write.dynamodb}}
{{#write.sqs}}
    send_message(app, &text).await?;
{{/write.sqs}}
{{#write.sns}}
    publish(app, &text).await?;
{{/write.sns}}
{{/multi_writes}}
{{#write.s3}}
    Ok(format!("s3://{}/{key}", app.output_bucket))
{{/write.s3}}
{{^write.s3}}
{{#text_writes}}
    Ok(text)
{{/text_writes}}
{{^text_writes}}
{{#answers_caller}}
    // The result goes back to the caller as text: a binary one is an error, never mangled.
    String::from_utf8(output).map_err(|_| HandlerError::NotText)
{{/answers_caller}}
{{^answers_caller}}
    // Nothing stores the result: this event source takes no answer and no destination was
    // chosen, so it is only logged here. To keep it, answer `clients` with s3, dynamodb, sqs
    // or sns (`lambda-advisor new --answer clients=sqs ...`) or write it yourself here.
    tracing::info!(job = %job.id, bytes = output.len(), "result not stored (no destination)");
    Ok(format!("{} bytes, not stored", output.len()))
{{/answers_caller}}
{{/text_writes}}
{{/write.s3}}
}
{{#write.s3}}

{{#fetch.s3_event}}
/// The result's key in the output bucket: the input's own key (the output bucket is another
/// bucket, so the write triggers nothing).
{{/fetch.s3_event}}
{{^fetch.s3_event}}
/// The result's key in the output bucket, derived from the input's.
{{/fetch.s3_event}}
fn output_key(job: &Job) -> Result<String, HandlerError> {
{{#fetch.s3_event}}
    Ok(job.key.clone())
{{/fetch.s3_event}}
{{#fetch.s3}}
    Ok(key_of(job)?.to_string())
{{/fetch.s3}}
{{^reads_s3_object}}
    Ok(format!("results/{}", job.id))
{{/reads_s3_object}}
}
{{/write.s3}}
{{#write.http}}

/// Sends the result to the HTTP API.
async fn post_result(app: &App, text: &str) -> Result<(), HandlerError> {
    app.http
        .post(api_endpoint(&app.api_url, &["results"]))
{{#clients.secrets_manager}}
        .bearer_auth(app.api_key.get().await?)
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

/// Items per BatchWriteItem request: DynamoDB takes 25 at most.
const BATCH_WRITE_LIMIT: usize = 25;

/// BatchWriteItem requests in flight at most: the table's write capacity is shared.
const BATCH_WRITES_IN_FLIGHT: usize = 4;

/// Writes the result as rows of the table, one item per line (a CSV's rows, not the whole
/// file in one item: an item holds 400 KB at most), 25 per BatchWriteItem request, a few
/// requests at a time. What DynamoDB leaves unprocessed (throttling) is sent again.
async fn put_rows(app: &App, id: &str, text: &str) -> Result<(), HandlerError> {
    use aws_sdk_dynamodb::types::{AttributeValue, PutRequest, WriteRequest};
    use futures::{StreamExt, TryStreamExt};

    let rows: Vec<&str> = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    let mut batches = Vec::new();
    for (chunk_no, chunk) in rows.chunks(BATCH_WRITE_LIMIT).enumerate() {
        let mut requests = Vec::with_capacity(chunk.len());
        for (i, row) in chunk.iter().enumerate() {
            let pk = format!("{id}#{}", chunk_no * BATCH_WRITE_LIMIT + i);
            let put = PutRequest::builder()
                .item("pk", AttributeValue::S(pk))
                .item("row", AttributeValue::S(row.to_string()))
                .build()?;
            requests.push(WriteRequest::builder().put_request(put).build());
        }
        batches.push(requests);
    }
    futures::stream::iter(batches)
        .map(|requests| write_batch(app, requests))
        .buffer_unordered(BATCH_WRITES_IN_FLIGHT)
        .try_collect::<Vec<()>>()
        .await?;
    Ok(())
}

/// One BatchWriteItem, retried with the unprocessed items until none is left (five tries).
async fn write_batch(
    app: &App,
    requests: Vec<aws_sdk_dynamodb::types::WriteRequest>,
) -> Result<(), HandlerError> {
    let mut pending = std::collections::HashMap::from([(app.table.clone(), requests)]);
    let mut pause = Duration::from_millis(50);
    for _attempt in 0..5 {
        let output = app
            .dynamodb
            .batch_write_item()
            .set_request_items(Some(pending))
            .send()
            .await
            .map_err(aws_sdk_dynamodb::Error::from)?;
        pending = match output.unprocessed_items() {
            Some(left) if left.values().any(|requests| !requests.is_empty()) => left.clone(),
            _ => return Ok(()),
        };
        tokio::time::sleep(pause).await;
        pause *= 2;
    }
    Err(HandlerError::Unprocessed)
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
