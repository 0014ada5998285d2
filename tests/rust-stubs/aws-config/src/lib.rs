//! Stub of aws-config 1.x (signatures only) for offline checks of generated code.
pub use aws_stub_common::{timeout, BehaviorVersion, Region, SdkConfig};

/// Loads the shared configuration with settings of our own: `defaults(..).timeout_config(..)
/// .load().await`.
pub fn defaults(version: BehaviorVersion) -> ConfigLoader {
    let _ = version;
    unimplemented!()
}

/// The builder `defaults` returns (a subset of its settings).
#[derive(Debug, Default)]
pub struct ConfigLoader {
    _private: (),
}

impl ConfigLoader {
    pub fn timeout_config(self, timeout_config: timeout::TimeoutConfig) -> Self {
        let _ = timeout_config;
        unimplemented!()
    }
    pub fn region(self, region: impl Into<Option<Region>>) -> Self {
        let _ = region.into();
        unimplemented!()
    }
    pub async fn load(self) -> SdkConfig {
        unimplemented!()
    }
}

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
