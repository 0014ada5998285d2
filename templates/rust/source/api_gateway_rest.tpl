{{>rust/job}}

/// One request is one job; its data is the request body.
fn jobs_from(request: ApiGatewayProxyRequest) -> Result<Vec<Job>, HandlerError> {
    let id = request.path.unwrap_or_else(|| "/".to_string());
    let body = request
        .body
        .ok_or_else(|| HandlerError::InvalidEvent("the request has no body".into()))?;
    Ok(vec![Job { id, body }])
}

/// Handles one API Gateway (REST API) request. Failures become a 500 response without
/// internal details; the details go to the log.
async fn function_handler(
    event: LambdaEvent<ApiGatewayProxyRequest>,
    app: &App,
) -> Result<ApiGatewayProxyResponse, HandlerError> {
    let jobs = match jobs_from(event.payload) {
        Ok(jobs) => jobs,
        Err(err) => return json_response(400, &serde_json::json!({ "error": err.to_string() })),
    };
    let results = run_jobs(jobs, app).await;
    match all_ok(results) {
        Ok(outputs) => json_response(200, &serde_json::json!({ "results": outputs })),
        Err(_) => json_response(500, &serde_json::json!({ "error": "internal error" })),
    }
}

fn json_response(
    status: i64,
    body: &serde_json::Value,
) -> Result<ApiGatewayProxyResponse, HandlerError> {
    let mut response = ApiGatewayProxyResponse::default();
    response.status_code = status;
    response.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response.body = Some(Body::Text(serde_json::to_string(body)?));
    Ok(response)
}
