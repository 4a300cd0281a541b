use bytes::Bytes;
use wasmtime_wasi::p2::{OutputStream, StreamResult};

/// Writes and flushes through the remaining trait methods: nothing to report.
pub async fn emit(out: &mut dyn OutputStream, data: &[u8]) -> StreamResult<()> {
    out.blocking_write_and_flush(Bytes::copy_from_slice(data)).await
}
