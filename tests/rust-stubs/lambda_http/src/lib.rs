//! Stub of lambda_http 1.3 (types and signatures only) for offline checks of generated code.
use std::fmt::Debug;

pub use aws_lambda_events;
pub use aws_lambda_events::encodings::Body;
pub use http::{self, Response};
use lambda_runtime::Diagnostic;
pub use lambda_runtime::{self, service_fn, tracing, Context, Error, LambdaEvent, Service};

/// `http::Request` with the Lambda body type.
pub type Request = http::Request<Body>;

/// A value that can become an HTTP response.
pub trait IntoResponse {
    fn into_response(self) -> Response<Body>;
}

impl<B: Into<Body>> IntoResponse for Response<B> {
    fn into_response(self) -> Response<Body> {
        unimplemented!()
    }
}
impl IntoResponse for String {
    fn into_response(self) -> Response<Body> {
        unimplemented!()
    }
}
impl IntoResponse for &'static str {
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
