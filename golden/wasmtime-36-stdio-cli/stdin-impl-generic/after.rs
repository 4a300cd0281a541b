use std::sync::Arc;

use wasmtime_wasi::p2::pipe::MemoryInputPipe;
use wasmtime_wasi::p2::InputStream;

/// Replays one recorded input to every guest handle.
pub struct Replay<S> {
    source: Arc<S>,
}

impl<S> wasmtime_wasi::cli::StdinStream for Replay<S>
where
    S: AsRef<[u8]> + Send + Sync + 'static,
{
    fn p2_stream(&self) -> Box<dyn InputStream> {
        Box::new(MemoryInputPipe::new(self.source.as_ref().as_ref().to_vec()))
    }
}

impl<S> wasmtime_wasi::cli::IsTerminal for Replay<S>
where
    S: AsRef<[u8]> + Send + Sync + 'static,
{
    /// A replay is never a terminal.
    #[inline]
    fn is_terminal(&self) -> bool {
        false
    }
}
