//! Types the AWS SDK stubs share (aws-types, aws-smithy-runtime-api, aws-smithy-types 1.x),
//! and a macro for fluent operation builders. Types and signatures only.
use std::error::Error as StdError;
use std::fmt;

/// aws_types::SdkConfig: what aws_config::load_defaults returns.
#[derive(Clone, Debug)]
pub struct SdkConfig {
    _private: (),
}

/// aws_smithy_types::timeout: the SDK's timeouts (none by default but the connect timeout).
pub mod timeout {
    use std::time::Duration;

    #[non_exhaustive]
    #[derive(Clone, Debug, PartialEq)]
    pub struct TimeoutConfig {
        _private: (),
    }

    impl TimeoutConfig {
        pub fn builder() -> TimeoutConfigBuilder {
            unimplemented!()
        }
        pub fn disabled() -> TimeoutConfig {
            unimplemented!()
        }
    }

    #[non_exhaustive]
    #[derive(Clone, Debug, Default)]
    pub struct TimeoutConfigBuilder {
        _private: (),
    }

    impl TimeoutConfigBuilder {
        pub fn new() -> Self {
            unimplemented!()
        }
        pub fn connect_timeout(self, timeout: Duration) -> Self {
            let _ = timeout;
            unimplemented!()
        }
        pub fn read_timeout(self, timeout: Duration) -> Self {
            let _ = timeout;
            unimplemented!()
        }
        /// The whole operation, every retry included.
        pub fn operation_timeout(self, timeout: Duration) -> Self {
            let _ = timeout;
            unimplemented!()
        }
        /// One attempt of an operation.
        pub fn operation_attempt_timeout(self, timeout: Duration) -> Self {
            let _ = timeout;
            unimplemented!()
        }
        pub fn build(self) -> TimeoutConfig {
            unimplemented!()
        }
    }
}

/// aws_smithy_types::error::display::DisplayErrorContext: an error with its whole source
/// chain (the SDK errors' own Display says only "service error" or "unhandled error").
pub struct DisplayErrorContext<E: StdError>(pub E);

impl<E: StdError> fmt::Display for DisplayErrorContext<E> {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        unimplemented!()
    }
}

impl<E: StdError> fmt::Debug for DisplayErrorContext<E> {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        unimplemented!()
    }
}

/// aws_smithy_types::error::operation::BuildError: a builder missing a required field.
#[derive(Debug)]
pub struct BuildError {
    _private: (),
}

impl fmt::Display for BuildError {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        unimplemented!()
    }
}

impl StdError for BuildError {}

/// aws_config::BehaviorVersion.
#[non_exhaustive]
#[derive(Clone, Debug)]
pub struct BehaviorVersion {
    _private: (),
}

impl BehaviorVersion {
    pub fn latest() -> Self {
        unimplemented!()
    }
}

/// aws_types::region::Region.
#[derive(Clone, Debug)]
pub struct Region {
    _private: (),
}

impl Region {
    pub fn new(region: impl Into<String>) -> Self {
        let _ = region.into();
        unimplemented!()
    }
}

/// aws_smithy_runtime_api::http::Response.
#[derive(Debug)]
pub struct HttpResponse {
    _private: (),
}

/// aws_smithy_runtime_api::client::result::SdkError.
#[non_exhaustive]
#[derive(Debug)]
pub enum SdkError<E, R = HttpResponse> {
    ConstructionFailure(Box<dyn StdError + Send + Sync>),
    TimeoutError(Box<dyn StdError + Send + Sync>),
    DispatchFailure(Box<dyn StdError + Send + Sync>),
    ResponseError(R),
    ServiceError(E),
}

impl<E, R> fmt::Display for SdkError<E, R> {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        unimplemented!()
    }
}

impl<E: StdError + 'static, R: fmt::Debug> StdError for SdkError<E, R> {}

/// aws_smithy_types::byte_stream::ByteStream.
#[derive(Debug, Default)]
pub struct ByteStream {
    _private: (),
}

impl ByteStream {
    pub async fn collect(self) -> Result<AggregatedBytes, ByteStreamError> {
        unimplemented!()
    }
}

impl ByteStream {
    pub fn from_static(bytes: &'static [u8]) -> Self {
        let _ = bytes;
        unimplemented!()
    }
}

impl From<Vec<u8>> for ByteStream {
    fn from(_: Vec<u8>) -> Self {
        unimplemented!()
    }
}

impl From<String> for ByteStream {
    fn from(_: String) -> Self {
        unimplemented!()
    }
}

/// aws_smithy_types::byte_stream::AggregatedBytes.
#[derive(Debug)]
pub struct AggregatedBytes {
    _private: (),
}

impl AggregatedBytes {
    pub fn to_vec(self) -> Vec<u8> {
        unimplemented!()
    }
}

/// aws_smithy_types::byte_stream::error::Error.
#[derive(Debug)]
pub struct ByteStreamError {
    _private: (),
}

impl fmt::Display for ByteStreamError {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        unimplemented!()
    }
}

impl StdError for ByteStreamError {}

/// aws_smithy_runtime_api::client::http::HttpClient: what a service config's
/// `http_client(..)` takes.
pub trait HttpClient: Send + Sync + fmt::Debug {}

/// aws_smithy_runtime_api::client::http::SharedHttpClient.
#[derive(Clone, Debug)]
pub struct SharedHttpClient {
    _private: (),
}

impl HttpClient for SharedHttpClient {}

/// aws_smithy_runtime_api::client::interceptors::Intercept: what a service config's
/// `interceptor(..)` takes (every hook has a default; `name` is required).
pub trait Intercept: fmt::Debug + Send + Sync {
    fn name(&self) -> &'static str;
}

/// Declares an operation: its error type, its output, its fluent builder with `send()`, the
/// client method, and the crate error's `From<SdkError<OpError, R>>`.
#[macro_export]
macro_rules! operation {
    ($module:ident, $method:ident, $Builder:ident,
     $Output:ident { $($ofield:ident : $oty:ty),* $(,)? }, $OpError:ident,
     [$($setter:ident : $ty:ty),* $(,)?]) => {
        pub mod $module {
            /// The operation's output.
            #[non_exhaustive]
            #[derive(Debug)]
            pub struct $Output {
                $(pub $ofield: $oty,)*
            }

            /// The operation's error.
            #[non_exhaustive]
            #[derive(Debug)]
            pub enum $OpError {
                Unhandled(Box<dyn std::error::Error + Send + Sync>),
            }
            impl std::fmt::Display for $OpError {
                fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    unimplemented!()
                }
            }
            impl std::error::Error for $OpError {}

            impl $Output {
                /// What aws-smithy-mocks' rules build their outputs with.
                pub fn builder() -> OutputBuilder {
                    unimplemented!()
                }
            }

            /// The output's builder (the real one is `<Output>Builder`, reached the same way).
            #[derive(Debug, Default)]
            pub struct OutputBuilder {
                _private: (),
            }
            impl OutputBuilder {
                pub fn build(self) -> $Output {
                    unimplemented!()
                }
            }

            /// The operation's input (the real one is `<Operation>Input`).
            #[non_exhaustive]
            #[derive(Clone, Debug, PartialEq)]
            pub struct Input {
                _private: (),
            }

            pub mod builders {
                /// The input's builder (the real one is `<Operation>InputBuilder`): what
                /// aws-smithy-mocks' `mock!` reaches through `as_input()`.
                #[derive(Clone, Debug, Default, PartialEq)]
                pub struct InputBuilder {
                    _private: (),
                }
                impl InputBuilder {
                    pub fn build(self) -> Result<super::Input, $crate::BuildError> {
                        unimplemented!()
                    }
                }

                /// The fluent builder; `send()` performs the call.
                #[derive(Debug)]
                pub struct $Builder {
                    _private: (),
                }
                impl $Builder {
                    /// The input as set so far.
                    pub fn as_input(&self) -> &InputBuilder {
                        unimplemented!()
                    }
                    $(pub fn $setter(self, input: impl Into<$ty>) -> Self {
                        let _ = input.into();
                        unimplemented!()
                    })*
                    pub async fn send(
                        self,
                    ) -> Result<
                        super::$Output,
                        $crate::SdkError<super::$OpError, $crate::HttpResponse>,
                    > {
                        unimplemented!()
                    }
                }
            }
        }

        impl crate::Client {
            pub fn $method(&self) -> crate::operation::$module::builders::$Builder {
                unimplemented!()
            }
        }

        impl<R: std::fmt::Debug + Send + Sync + 'static>
            From<$crate::SdkError<crate::operation::$module::$OpError, R>> for crate::Error
        {
            fn from(_: $crate::SdkError<crate::operation::$module::$OpError, R>) -> Self {
                unimplemented!()
            }
        }
    };
}

/// Declares the client and the crate-wide error of an SDK crate.
#[macro_export]
macro_rules! client {
    () => {
        /// The service client: cheap to clone, create it once.
        #[derive(Clone, Debug)]
        pub struct Client {
            _private: (),
        }
        impl Client {
            pub fn new(config: &$crate::SdkConfig) -> Self {
                let _ = config;
                unimplemented!()
            }
            /// A client from the service's own config (what aws_smithy_mocks::mock_client!
            /// builds).
            pub fn from_conf(conf: config::Config) -> Self {
                let _ = conf;
                unimplemented!()
            }
        }

        /// `crate::client::Client` is the client's home in the real crate.
        pub mod client {
            pub use super::Client;
        }

        /// The service's own config (not aws_types::SdkConfig).
        pub mod config {
            pub use $crate::{BehaviorVersion, Region};

            #[derive(Clone, Debug)]
            pub struct Config {
                _private: (),
            }
            impl Config {
                pub fn builder() -> Builder {
                    unimplemented!()
                }
            }

            #[derive(Clone, Debug, Default)]
            pub struct Builder {
                _private: (),
            }
            impl Builder {
                pub fn build(self) -> Config {
                    unimplemented!()
                }
                pub fn region(self, region: impl Into<Option<Region>>) -> Self {
                    let _ = region.into();
                    unimplemented!()
                }
                pub fn behavior_version(self, version: BehaviorVersion) -> Self {
                    let _ = version;
                    unimplemented!()
                }
                pub fn http_client(self, http_client: impl $crate::HttpClient + 'static) -> Self {
                    let _ = http_client;
                    unimplemented!()
                }
                pub fn interceptor(self, interceptor: impl $crate::Intercept + 'static) -> Self {
                    let _ = interceptor;
                    unimplemented!()
                }
                /// Test defaults (a behavior version, no credentials); only with the
                /// `test-util` feature, as in the real crate.
                #[cfg(feature = "test-util")]
                pub fn with_test_defaults(self) -> Self {
                    unimplemented!()
                }
                /// `with_test_defaults` plus a default region (us-east-1): what
                /// aws-smithy-mocks 0.2's `mock_client!` calls; only with `test-util`.
                #[cfg(feature = "test-util")]
                pub fn with_test_defaults_v2(self) -> Self {
                    unimplemented!()
                }
            }
        }

        /// All errors of the service.
        #[non_exhaustive]
        #[derive(Debug)]
        pub enum Error {
            Unhandled(Box<dyn std::error::Error + Send + Sync>),
        }
        impl std::fmt::Display for Error {
            fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                unimplemented!()
            }
        }
        impl std::error::Error for Error {}

        pub mod error {
            pub use $crate::{BuildError, DisplayErrorContext, SdkError};
        }
        pub use config::Config;
    };
}
