//! Version shim: generated crates pin reqwest 0.12; Debian 12 packages 0.11.13, whose API for
//! what the templates use (Client, builder, get, bearer_auth, send, error_for_status, bytes)
//! is the same. Re-exporting it type-checks the templates against real reqwest code.
pub use reqwest011::*;
