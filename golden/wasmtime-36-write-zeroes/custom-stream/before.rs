use bytes::Bytes;
use wasmtime_wasi::p2::{OutputStream, Pollable, StreamResult};

/// A custom stdout sink that counts bytes, with its own zero-fill fast path.
pub struct Counter(pub usize);

#[async_trait::async_trait]
impl Pollable for Counter {
    async fn ready(&mut self) {}
}

#[async_trait::async_trait]
impl OutputStream for Counter {
    fn write(&mut self, bytes: Bytes) -> StreamResult<()> {
        self.0 += bytes.len();
        Ok(())
    }
    fn flush(&mut self) -> StreamResult<()> {
        Ok(())
    }
    fn check_write(&mut self) -> StreamResult<usize> {
        Ok(usize::MAX)
    }
    async fn blocking_write_zeroes_and_flush(&mut self, nelem: usize) -> StreamResult<()> {
        self.0 += nelem;
        Ok(())
    }
}

pub async fn pad(out: &mut dyn OutputStream, n: usize) -> StreamResult<()> {
    out.blocking_write_zeroes_and_flush(n).await
}
