//! Stub of aws-config 1.x (signatures only) for offline checks of generated code.
pub use aws_stub_common::{BehaviorVersion, Region, SdkConfig};

/// Loads the shared configuration (region, credentials chain) from the environment.
pub async fn load_defaults(version: BehaviorVersion) -> SdkConfig {
    let _ = version;
    unimplemented!()
}

/// Deprecated in the real crate in favour of `load_defaults(BehaviorVersion::latest())`.
#[deprecated]
pub async fn load_from_env() -> SdkConfig {
    unimplemented!()
}
