//! Stub of aws-smithy-mocks 0.2 (types and signatures only) for offline checks of generated
//! code: `mock!(Client::op)` infers the operation's output and error from its `send()`, as
//! the real macro does; `mock_client!` needs the SDK crate's `test-util` feature, as the real
//! one does (it calls `Config::builder().with_test_defaults()`).
use std::future::Future;
use std::marker::PhantomData;

/// A rule: the responses of one operation; counts the calls it answered.
#[derive(Clone, Debug)]
pub struct Rule {
    _private: (),
}

impl Rule {
    pub fn num_calls(&self) -> usize {
        unimplemented!()
    }
}

/// How the rules of a client are matched to its calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleMode {
    Sequential,
    MatchAny,
}

/// What `mock!` returns.
pub struct RuleBuilder<O, E> {
    _ty: PhantomData<(O, E)>,
}

impl<O, E> RuleBuilder<O, E> {
    #[doc(hidden)]
    pub fn new_from_mock<F, R>(output_hint: impl Fn() -> F) -> Self
    where
        F: Future<Output = Result<O, aws_stub_common::SdkError<E, R>>>,
    {
        let _ = output_hint;
        unimplemented!()
    }

    /// One response.
    pub fn then_output(self, output: impl Fn() -> O + Send + Sync + 'static) -> Rule {
        let _ = output;
        unimplemented!()
    }

    /// A sequence of responses.
    pub fn sequence(self) -> ResponseSequenceBuilder<O, E> {
        unimplemented!()
    }
}

/// The responses of a rule, in order.
pub struct ResponseSequenceBuilder<O, E> {
    _ty: PhantomData<(O, E)>,
}

impl<O, E> ResponseSequenceBuilder<O, E> {
    pub fn output(self, output: impl Fn() -> O + Send + Sync + 'static) -> Self {
        let _ = output;
        unimplemented!()
    }

    /// The last response, `count` times in all.
    pub fn times(self, count: usize) -> Self {
        let _ = count;
        unimplemented!()
    }

    pub fn build(self) -> Rule {
        unimplemented!()
    }
}

#[macro_export]
macro_rules! mock {
    ($operation:expr) => {{
        #[allow(unreachable_code)]
        let builder = $crate::RuleBuilder::new_from_mock(|| $operation(todo!()).send());
        builder
    }};
}

#[macro_export]
macro_rules! mock_client {
    ($aws_crate:ident, $rules:expr) => {
        $crate::mock_client!($aws_crate, $crate::RuleMode::Sequential, $rules)
    };
    ($aws_crate:ident, $rule_mode:expr, $rules:expr) => {{
        let _: $crate::RuleMode = $rule_mode;
        for rule in $rules {
            let _: &$crate::Rule = rule;
        }
        $aws_crate::Client::__mocked()
    }};
}
