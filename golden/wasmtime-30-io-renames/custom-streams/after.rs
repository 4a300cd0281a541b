use bytes::Bytes;
use std::sync::{Arc, Mutex};
use wasmtime::component::Resource;
use wasmtime_wasi::{
    async_trait,
    subscribe,
    OutputStream,
    DynOutputStream,
    DynPollable,
    StreamError,
    StreamResult,
    Pollable,
    WasiView,
};

/// Collects everything the guest writes: a [`OutputStream`] that is also a [`Pollable`],
/// handed out as a [`DynPollable`] resource; [`Bytes`] and [`NotImported`] are not renamed.
#[derive(Clone, Default)]
pub struct CaptureStream {
    buf: Arc<Mutex<Vec<u8>>>,
}

#[async_trait]
impl Pollable for CaptureStream {
    async fn ready(&mut self) {}
}

#[async_trait]
impl OutputStream for CaptureStream {
    fn write(&mut self, bytes: Bytes) -> StreamResult<()> {
        self.buf.lock().unwrap().extend_from_slice(&bytes);
        Ok(())
    }

    fn flush(&mut self) -> StreamResult<()> {
        Ok(())
    }

    fn check_write(&mut self) -> StreamResult<usize> {
        if self.buf.lock().unwrap().len() > 1 << 20 {
            return Err(StreamError::Closed);
        }
        Ok(4096)
    }
}

pub fn boxed(s: &CaptureStream) -> Box<dyn OutputStream> {
    Box::new(s.clone())
}

pub fn as_stream(s: &CaptureStream) -> DynOutputStream {
    Box::new(s.clone())
}

pub struct Timer {
    pub left: u32,
}

#[async_trait]
impl Pollable for Timer {
    async fn ready(&mut self) {
        self.left = 0;
    }
}

pub fn sleep(view: &mut dyn WasiView, t: Timer) -> wasmtime::Result<Resource<DynPollable>> {
    let timer = view.table().push(t)?;
    subscribe(view.table(), timer)
}
