//! The host's error crate: anyhow under another name.
pub use anyhow::Error;
pub type Result<T> = std::result::Result<T, Error>;
