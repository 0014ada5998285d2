{{>rust/job}}

/// One request is one job. GET, HEAD and DELETE name it in the path and carry no body
/// (`GET /orders/42`: the job `42`). The other methods carry the job's data in the body,
/// named by its `id` field if it is a JSON object with one, else by the path; a binary body
/// is kept as it is. A request without a body is a 400.
fn jobs_from(request: &Request) -> Result<Vec<Job>, HandlerError> {
    let path = request.uri().path();
    let last = path.rsplit('/').find(|segment| !segment.is_empty());
    let id = last.unwrap_or("/").to_string();
    let job = match *request.method() {
        Method::GET | Method::HEAD | Method::DELETE => Job {
            body: id.clone().into_bytes(),
            id,
        },
        _ => {
            let body: &[u8] = request.body();
            if body.is_empty() {
                return Err(HandlerError::InvalidEvent("the request has no body".into()));
            }
            let named = serde_json::from_slice::<serde_json::Value>(body).ok();
            let field = named.as_ref().and_then(|value| value.get("id")?.as_str());
            Job {
                id: field.map_or(id, String::from),
                body: body.to_vec(),
            }
        }
    };
    Ok(vec![job])
}

/// Handles one HTTP request (API Gateway REST or HTTP API, a function URL or an ALB,
/// through lambda_http). Failures become a 500 response without internal details; the
/// details go to the log.
async fn function_handler(request: Request, app: &App) -> Result<Response<Body>, HandlerError> {
    let jobs = match jobs_from(&request) {
        Ok(jobs) => jobs,
        Err(err) => return json_response(400, &serde_json::json!({ "error": err.to_string() })),
    };
    let results = run_jobs(jobs, app).await;
    match all_ok(results) {
        Ok(outputs) => json_response(200, &serde_json::json!({ "results": outputs })),
        Err(_) => json_response(500, &serde_json::json!({ "error": "internal error" })),
    }
}

fn json_response(status: u16, body: &serde_json::Value) -> Result<Response<Body>, HandlerError> {
    let response = Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Body::from(serde_json::to_string(body)?))?;
    Ok(response)
}
