//! A custom stdout: every line the guest writes is prefixed, then sent to the host's stdout.

use bytes::Bytes;
use std::io::Write;
use wasmtime_wasi::{HostOutputStream, StdoutStream, StreamError, StreamResult, Subscribe};

#[derive(Clone)]
pub struct Prefixed {
    prefix: &'static str,
}

impl Prefixed {
    pub fn new(prefix: &'static str) -> Self {
        Prefixed { prefix }
    }
}

struct PrefixedStream {
    prefix: &'static str,
}

impl StdoutStream for Prefixed {
    fn stream(&self) -> Box<dyn HostOutputStream> {
        Box::new(PrefixedStream { prefix: self.prefix })
    }
    fn isatty(&self) -> bool {
        false
    }
}

#[async_trait::async_trait]
impl Subscribe for PrefixedStream {
    async fn ready(&mut self) {}
}

impl HostOutputStream for PrefixedStream {
    fn write(&mut self, bytes: Bytes) -> StreamResult<()> {
        let mut out = std::io::stdout();
        for line in String::from_utf8_lossy(&bytes).lines() {
            writeln!(out, "[{}] {line}", self.prefix).map_err(|e| StreamError::LastOperationFailed(e.into()))?;
        }
        Ok(())
    }
    fn flush(&mut self) -> StreamResult<()> {
        std::io::stdout().flush().map_err(|e| StreamError::LastOperationFailed(e.into()))
    }
    fn check_write(&mut self) -> StreamResult<usize> {
        Ok(4096)
    }
}
