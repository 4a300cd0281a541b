use bytes::Bytes;
use std::sync::{Arc, Mutex};
use wasmtime::component::Resource;
use wasmtime_wasi::{
    async_trait, subscribe, HostOutputStream, OutputStream, Pollable, StreamError, StreamResult,
    Subscribe, WasiView,
};

/// Collects everything the guest writes: a [`HostOutputStream`] that is also a [`Subscribe`],
/// handed out as a [`Pollable`] resource; [`Bytes`] and [`NotImported`] are not renamed.
#[derive(Clone, Default)]
pub struct CaptureStream {
    buf: Arc<Mutex<Vec<u8>>>,
}

#[async_trait]
impl Subscribe for CaptureStream {
    async fn ready(&mut self) {}
}

#[async_trait]
impl HostOutputStream for CaptureStream {
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

pub fn boxed(s: &CaptureStream) -> Box<dyn HostOutputStream> {
    Box::new(s.clone())
}

pub fn as_stream(s: &CaptureStream) -> OutputStream {
    Box::new(s.clone())
}

pub struct Timer {
    pub left: u32,
}

#[async_trait]
impl Subscribe for Timer {
    async fn ready(&mut self) {
        self.left = 0;
    }
}

pub fn sleep(view: &mut dyn WasiView, t: Timer) -> wasmtime::Result<Resource<Pollable>> {
    let timer = view.table().push(t)?;
    subscribe(view.table(), timer)
}
