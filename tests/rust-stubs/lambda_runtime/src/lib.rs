//! Stub of lambda_runtime 1.3 (types and signatures only) for offline checks of generated code.
use serde::{Deserialize, Serialize};
use std::fmt::Debug;
use std::future::Future;

pub use tower_service::Service;

/// The runtime's error type.
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// The invocation context; `#[non_exhaustive]` since 1.0: build it with `Default`.
#[non_exhaustive]
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct Context {
    pub request_id: String,
    pub deadline: u64,
    pub invoked_function_arn: String,
    pub xray_trace_id: Option<String>,
}

/// An event with its context.
#[derive(Clone, Debug)]
pub struct LambdaEvent<T> {
    pub payload: T,
    pub context: Context,
}

impl<T> LambdaEvent<T> {
    pub fn new(payload: T, context: Context) -> Self {
        LambdaEvent { payload, context }
    }
    pub fn into_parts(self) -> (T, Context) {
        (self.payload, self.context)
    }
}

/// What the runtime reports for a failed invocation. There is deliberately no blanket
/// `impl<E: Error> From<E> for Diagnostic`, as in the real crate, and no `From<Box<T>>`
/// for a concrete error type either: only `Box<dyn Error ...>` converts.
#[derive(Clone, Debug, Eq, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub error_type: String,
    pub error_message: String,
}

impl From<Error> for Diagnostic {
    fn from(_: Error) -> Self {
        unimplemented!()
    }
}
impl From<Box<dyn std::error::Error>> for Diagnostic {
    fn from(_: Box<dyn std::error::Error>) -> Self {
        unimplemented!()
    }
}
impl From<std::convert::Infallible> for Diagnostic {
    fn from(_: std::convert::Infallible) -> Self {
        unimplemented!()
    }
}
impl From<String> for Diagnostic {
    fn from(_: String) -> Self {
        unimplemented!()
    }
}
impl From<&'static str> for Diagnostic {
    fn from(_: &'static str) -> Self {
        unimplemented!()
    }
}
impl From<std::io::Error> for Diagnostic {
    fn from(_: std::io::Error) -> Self {
        unimplemented!()
    }
}

/// `tower::service_fn`, which the real crate re-exports.
pub fn service_fn<T>(f: T) -> ServiceFn<T> {
    ServiceFn { f }
}

#[derive(Clone, Copy, Debug)]
pub struct ServiceFn<T> {
    f: T,
}

impl<T, F, Request, R, E> Service<Request> for ServiceFn<T>
where
    T: FnMut(Request) -> F,
    F: Future<Output = Result<R, E>>,
{
    type Response = R;
    type Error = E;
    type Future = F;

    fn poll_ready(
        &mut self,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: Request) -> Self::Future {
        (self.f)(req)
    }
}

/// Starts the runtime loop with a handler service (the same bounds as the real `run` for
/// serialisable responses).
pub async fn run<A, F, R>(handler: F) -> Result<(), Error>
where
    F: Service<LambdaEvent<A>, Response = R>,
    F::Future: Future<Output = Result<R, F::Error>>,
    F::Error: Into<Diagnostic> + Debug,
    A: for<'de> Deserialize<'de>,
    R: Serialize,
{
    let _ = handler;
    unimplemented!()
}

/// `lambda_runtime::tracing`: the tracing crate plus the default subscriber set-up.
pub mod tracing {
    pub use tracing::*;

    /// Honours AWS_LAMBDA_LOG_LEVEL, RUST_LOG and AWS_LAMBDA_LOG_FORMAT in the real crate.
    pub fn init_default_subscriber() {
        unimplemented!()
    }
}
