use bytes::Bytes;
use wasmtime_wasi::{self as wasi, StreamResult};

/// Hands out a fixed buffer, then reports end of stream.
pub struct Fixed(Option<Bytes>);

#[wasi::async_trait]
impl wasi::Pollable for Fixed {
    async fn ready(&mut self) {}
}

#[wasi::async_trait]
impl wasi::InputStream for Fixed {
    fn read(&mut self, size: usize) -> StreamResult<Bytes> {
        match self.0.take() {
            Some(mut b) if b.len() > size => {
                let rest = b.split_off(size);
                self.0 = Some(rest);
                Ok(b)
            }
            Some(b) => Ok(b),
            None => Err(wasi::StreamError::Closed),
        }
    }
}

pub fn stream(data: &'static [u8]) -> wasi::DynInputStream {
    Box::new(Fixed(Some(Bytes::from_static(data))))
}

pub fn dyn_stream(data: &'static [u8]) -> Box<dyn wasmtime_wasi::InputStream> {
    Box::new(Fixed(Some(Bytes::from_static(data))))
}

pub type Fut<'a> = wasmtime_wasi::DynFuture<'a>;
