//! The crate root re-exports wasmtime for the whole crate; modules pull it in with `use crate::*;`.
pub(crate) use wasmtime::*;

pub mod imports;
