//! Version shim: generated crates pin thiserror 2; Debian 12 packages 1.0.38, whose derive
//! takes the same attributes for what the templates use (#[error], #[from], #[source]).
pub use thiserror1::*;
