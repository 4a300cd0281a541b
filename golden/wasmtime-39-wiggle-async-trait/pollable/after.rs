use wasmtime_wasi::p2::Pollable;

/// A log sink that is always ready, written with wiggle's async-trait re-export (as viceroy did).
pub struct LogEndpoint;

#[wasmtime_wasi::async_trait]
impl Pollable for LogEndpoint {
    async fn ready(&mut self) {}
}
