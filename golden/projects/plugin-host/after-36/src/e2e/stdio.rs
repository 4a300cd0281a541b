//! Custom stdio: an output stream that captures what the guest prints.

use std::sync::{Arc, Mutex};

use bytes::Bytes;
use wasmtime_wasi::p2::{OutputStream, StreamResult, Pollable};
use wasmtime_wasi::cli::StdoutStream;
use wasmtime_wasi::cli::IsTerminal;

/// Everything the guest writes to stdout ends up in `buf`.
#[derive(Clone, Default)]
pub struct CapturedStdout {
    buf: Arc<Mutex<Vec<u8>>>,
}

impl CapturedStdout {
    pub fn contents(&self) -> Vec<u8> {
        self.buf.lock().unwrap().clone()
    }
}

pub struct CaptureStream {
    buf: Arc<Mutex<Vec<u8>>>,
}

#[async_trait::async_trait]
impl Pollable for CaptureStream {
    async fn ready(&mut self) {}
}

impl OutputStream for CaptureStream {
    fn write(&mut self, bytes: Bytes) -> StreamResult<()> {
        self.buf.lock().unwrap().extend_from_slice(&bytes);
        Ok(())
    }
    fn flush(&mut self) -> StreamResult<()> {
        Ok(())
    }
    fn check_write(&mut self) -> StreamResult<usize> {
        Ok(64 * 1024)
    }
}

impl StdoutStream for CapturedStdout {
    fn p2_stream(&self) -> Box<dyn OutputStream> {
        Box::new(CaptureStream { buf: self.buf.clone() })
    }
}

impl IsTerminal for CapturedStdout {
    fn is_terminal(&self) -> bool {
        false
    }
}
