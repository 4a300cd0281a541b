//! `TrappableError` stays at the root at 33; the p2 error types and `IoError` move.
use wasmtime_wasi::p2::{FsError, FsResult, SocketError, SocketResult};
use wasmtime_wasi::TrappableError;

pub fn fs_err() -> FsResult<()> {
    Err(FsError::trap(wasmtime::Error::msg("no")))
}

pub fn sock_err() -> SocketResult<()> {
    Err(SocketError::trap(wasmtime::Error::msg("no")))
}

pub fn is_trappable<T>(_: &TrappableError<T>) -> bool {
    true
}

pub fn io_error(e: wasmtime_wasi::p2::IoError) -> String {
    e.to_string()
}
