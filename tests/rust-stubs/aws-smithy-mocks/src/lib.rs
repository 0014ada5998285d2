//! Stub of aws-smithy-mocks 0.2 (types and signatures only) for offline checks of generated
//! code. Checked against the real crate's source: github:smithy-lang/smithy-rs,
//! rust-runtime/aws-smithy-mocks at commit 56ee88c5c6edd967967656f1e29f46b229105e79
//! (version 0.3.0, whose API is 0.2.6's: 0.3.0 only raised the MSRV). What this mirrors:
//!
//! - `mock!(Client::op)` expands as the real macro does: an input hint
//!   (`op(..).as_input().clone().build().unwrap()`, so the SDK's fluent builders need
//!   `as_input()`) and an output hint (`op(..).send()`), giving `RuleBuilder<I, O, E>`.
//! - `mock_client!(crate, [mode,] rules [, configure])` expands as the real one:
//!   `crate::client::Client::from_conf(crate::config::Config::builder()
//!   .with_test_defaults_v2().http_client(..).interceptor(..).build())`, so it compiles only
//!   when the SDK crate has its `test-util` feature (`with_test_defaults_v2` is behind it).
//! - `RuleMode::{Sequential, MatchAny}`; `then_output` (a rule that answers every call),
//!   `.sequence().output(..).times(n).build()` (n answers, then the rule is exhausted: an
//!   unmatched call panics, as `must_match` is the default), `repeatedly()`, `num_calls()`.
//! - The real bounds: `I`, `O`: `Debug + Send + Sync + 'static`; `E` also `std::error::Error`.
//!
//! Versions: concurrent calls through one mocked client (the fan-out, `try_join!`) need
//! 0.2.3 or later (smithy-rs#4469: before it the interceptor kept one response at a time).
use aws_stub_common::{HttpResponse, Intercept, SdkError, SharedHttpClient};
use std::fmt;
use std::future::Future;
use std::marker::PhantomData;

/// What a rule answers with.
#[derive(Debug)]
pub enum MockResponse<O, E> {
    Output(O),
    Error(E),
    Http(HttpResponse),
}

/// A rule: the responses of one operation; counts the calls it answered.
#[derive(Clone)]
pub struct Rule {
    _private: (),
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Rule")
    }
}

impl Rule {
    /// How many calls this rule answered.
    pub fn num_calls(&self) -> usize {
        unimplemented!()
    }

    /// Whether the rule has given all its responses.
    pub fn is_exhausted(&self) -> bool {
        unimplemented!()
    }
}

/// How the rules of a client are matched to its calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleMode {
    /// The rules answer in order; a call the current rule does not match panics.
    Sequential,
    /// The first matching rule that is not exhausted answers.
    MatchAny,
}

/// What `mock!` returns: `I` the operation's input, `O` its output, `E` its error.
pub struct RuleBuilder<I, O, E> {
    _ty: PhantomData<(I, O, E)>,
}

impl<I, O, E> RuleBuilder<I, O, E>
where
    I: fmt::Debug + Send + Sync + 'static,
    O: fmt::Debug + Send + Sync + 'static,
    E: fmt::Debug + Send + Sync + std::error::Error + 'static,
{
    #[doc(hidden)]
    pub fn new() -> Self {
        unimplemented!()
    }

    #[doc(hidden)]
    pub fn new_from_mock<F, R>(_input_hint: impl Fn() -> I, _output_hint: impl Fn() -> F) -> Self
    where
        F: Future<Output = Result<O, SdkError<E, R>>>,
    {
        unimplemented!()
    }

    /// Only the calls whose input passes `filter`.
    pub fn match_requests<F>(self, filter: F) -> Self
    where
        F: Fn(&I) -> bool + Send + Sync + 'static,
    {
        let _ = filter;
        unimplemented!()
    }

    /// A sequence of responses.
    pub fn sequence(self) -> ResponseSequenceBuilder<I, O, E> {
        unimplemented!()
    }

    /// A rule that answers every call with this output.
    pub fn then_output<F>(self, output_fn: F) -> Rule
    where
        F: Fn() -> O + Send + Sync + 'static,
    {
        let _ = output_fn;
        unimplemented!()
    }

    /// A rule that answers every call with this error.
    pub fn then_error<F>(self, error_fn: F) -> Rule
    where
        F: Fn() -> E + Send + Sync + 'static,
    {
        let _ = error_fn;
        unimplemented!()
    }

    /// A rule that answers every call with an output computed from its input.
    pub fn then_compute_output<F>(self, compute_fn: F) -> Rule
    where
        F: Fn(&I) -> O + Send + Sync + 'static,
    {
        let _ = compute_fn;
        unimplemented!()
    }

    /// A rule that answers every call with a response computed from its input.
    pub fn then_compute_response<F>(self, compute_fn: F) -> Rule
    where
        F: Fn(&I) -> MockResponse<O, E> + Send + Sync + 'static,
    {
        let _ = compute_fn;
        unimplemented!()
    }
}

/// The responses of a rule, in order.
pub struct ResponseSequenceBuilder<I, O, E> {
    _ty: PhantomData<(I, O, E)>,
}

/// A sequence ended by `repeatedly()`: only `build()` is left.
pub struct FinalizedResponseSequenceBuilder<I, O, E> {
    _ty: PhantomData<(I, O, E)>,
}

impl<I, O, E> ResponseSequenceBuilder<I, O, E>
where
    I: fmt::Debug + Send + Sync + 'static,
    O: fmt::Debug + Send + Sync + 'static,
    E: fmt::Debug + Send + Sync + std::error::Error + 'static,
{
    /// One output response.
    pub fn output<F>(self, output_fn: F) -> Self
    where
        F: Fn() -> O + Send + Sync + 'static,
    {
        let _ = output_fn;
        unimplemented!()
    }

    /// One error response.
    pub fn error<F>(self, error_fn: F) -> Self
    where
        F: Fn() -> E + Send + Sync + 'static,
    {
        let _ = error_fn;
        unimplemented!()
    }

    /// One HTTP status response (for retries).
    pub fn http_status(self, status: u16, body: Option<String>) -> Self {
        let _ = (status, body);
        unimplemented!()
    }

    /// The last response, `count` times in all (panics on 0 or before any response).
    pub fn times(self, count: usize) -> Self {
        let _ = count;
        unimplemented!()
    }

    /// The last response forever: the rule is never exhausted.
    pub fn repeatedly(self) -> FinalizedResponseSequenceBuilder<I, O, E> {
        unimplemented!()
    }

    pub fn build(self) -> Rule {
        unimplemented!()
    }
}

impl<I, O, E> FinalizedResponseSequenceBuilder<I, O, E>
where
    I: fmt::Debug + Send + Sync + 'static,
    O: fmt::Debug + Send + Sync + 'static,
    E: fmt::Debug + Send + Sync + std::error::Error + 'static,
{
    pub fn build(self) -> Rule {
        unimplemented!()
    }
}

/// The interceptor `mock_client!` installs: answers each call from the rules.
#[derive(Debug, Default)]
pub struct MockResponseInterceptor {
    _private: (),
}

impl MockResponseInterceptor {
    pub fn new() -> Self {
        unimplemented!()
    }
    pub fn with_rule(self, rule: &Rule) -> Self {
        let _ = rule;
        unimplemented!()
    }
    pub fn rule_mode(self, rule_mode: RuleMode) -> Self {
        let _ = rule_mode;
        unimplemented!()
    }
    /// Unmatched calls go to the HTTP client instead of panicking.
    pub fn allow_passthrough(self) -> Self {
        unimplemented!()
    }
}

impl Intercept for MockResponseInterceptor {
    fn name(&self) -> &'static str {
        "MockResponseInterceptor"
    }
}

/// The HTTP client `mock_client!` installs: never reaches the network.
pub fn create_mock_http_client() -> SharedHttpClient {
    unimplemented!()
}

/// The real macro, token for token.
#[macro_export]
macro_rules! mock {
    ($operation: expr) => {
        #[allow(unreachable_code)]
        {
            $crate::RuleBuilder::new_from_mock(
                || $operation(todo!()).as_input().clone().build().unwrap(),
                || $operation(todo!()).send(),
            )
        }
    };
}

/// The real macro, token for token.
#[macro_export]
macro_rules! mock_client {
    ($aws_crate: ident, $rules: expr) => {
        $crate::mock_client!($aws_crate, $crate::RuleMode::Sequential, $rules)
    };
    ($aws_crate: ident, $rule_mode: expr, $rules: expr) => {{
        $crate::mock_client!($aws_crate, $rule_mode, $rules, |conf| conf)
    }};
    ($aws_crate: ident, $rule_mode: expr, $rules: expr, $additional_configuration: expr) => {{
        let mut mock_response_interceptor =
            $crate::MockResponseInterceptor::new().rule_mode($rule_mode);
        for rule in $rules {
            mock_response_interceptor = mock_response_interceptor.with_rule(rule)
        }

        let mock_http_client = $crate::create_mock_http_client();

        fn coerce<T: Fn($aws_crate::config::Builder) -> $aws_crate::config::Builder>(f: T) -> T {
            f
        }

        $aws_crate::client::Client::from_conf(
            coerce($additional_configuration)(
                $aws_crate::config::Config::builder()
                    .with_test_defaults_v2()
                    .http_client(mock_http_client)
                    .interceptor(mock_response_interceptor),
            )
            .build(),
        )
    }};
}
