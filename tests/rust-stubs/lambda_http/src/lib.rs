//! Stub of lambda_http 1.3 (types and signatures only) for offline checks of generated code.
use std::fmt::Debug;

pub use aws_lambda_events;
pub use aws_lambda_events::encodings::Body;
pub use http::{self, Response};
use lambda_runtime::Diagnostic;
pub use lambda_runtime::{self, service_fn, tracing, Context, Error, LambdaEvent, Service};

/// Reading a request from the JSON the runtime receives (any of the enabled formats).
pub mod request {
    /// Parses an API Gateway (REST, HTTP, WebSocket) or ALB event into a request.
    pub fn from_str(s: &str) -> Result<crate::Request, serde_json::Error> {
        let _ = s;
        unimplemented!()
    }
}

/// `http::Request` with the Lambda body type.
pub type Request = http::Request<Body>;

/// A value that can become an HTTP response (the real trait returns a future).
pub trait IntoResponse {
    fn into_response(self) -> Response<Body>;
}

/// A response body: in the real crate `http_body::Body` (http-body 1.x), which `Body` and
/// `String` implement but `Vec<u8>` and `&str` do not, so `Response<Vec<u8>>` and
/// `Response<&'static str>` are no handler responses there (or here).
pub trait ConvertBody {}
impl ConvertBody for Body {}
impl ConvertBody for String {}

impl<B: ConvertBody + Send + 'static> IntoResponse for Response<B> {
    fn into_response(self) -> Response<Body> {
        unimplemented!()
    }
}
impl IntoResponse for String {
    fn into_response(self) -> Response<Body> {
        unimplemented!()
    }
}
impl IntoResponse for &str {
    fn into_response(self) -> Response<Body> {
        unimplemented!()
    }
}
impl IntoResponse for &[u8] {
    fn into_response(self) -> Response<Body> {
        unimplemented!()
    }
}
impl IntoResponse for Vec<u8> {
    fn into_response(self) -> Response<Body> {
        unimplemented!()
    }
}
impl IntoResponse for serde_json::Value {
    fn into_response(self) -> Response<Body> {
        unimplemented!()
    }
}
impl IntoResponse for (http::StatusCode, String) {
    fn into_response(self) -> Response<Body> {
        unimplemented!()
    }
}
impl IntoResponse for (http::StatusCode, serde_json::Value) {
    fn into_response(self) -> Response<Body> {
        unimplemented!()
    }
}

/// Extension methods on requests (a subset of the real trait).
pub trait RequestExt {
    fn raw_http_path(&self) -> &str;
    fn lambda_context(&self) -> Context;
}

impl RequestExt for Request {
    fn raw_http_path(&self) -> &str {
        unimplemented!()
    }
    fn lambda_context(&self) -> Context {
        unimplemented!()
    }
}

/// Starts the runtime with an HTTP service; the same bounds as the real `run`.
pub async fn run<'a, R, S, E>(handler: S) -> Result<(), Error>
where
    S: Service<Request, Response = R, Error = E>,
    S::Future: Send + 'a,
    R: IntoResponse,
    E: Debug + Into<Diagnostic>,
{
    let _ = handler;
    unimplemented!()
}
