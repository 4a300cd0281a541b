//! A host adapting an older WASI snapshot forwards its io methods to wasmtime-wasi's own impls.
use wasmtime::component::Resource;
use wasmtime_wasi::{WasiImpl, WasiView};

mod latest {
    pub use wasmtime_wasi::bindings::*;
}

use latest::io::poll::Pollable;
use latest::io::streams::{Error as StreamErr, InputStream};
use wasmtime_wasi::StreamError;
use wasmtime_wasi::bindings::sync as blocking;

/// The adapter's own host trait (a bindgen! for the old snapshot generates one like it).
pub trait OldStreams {
    fn read(&mut self, s: Resource<InputStream>, len: u64) -> wasmtime::Result<Vec<u8>>;
    fn read_now(&mut self, s: Resource<InputStream>, len: u64) -> wasmtime::Result<Vec<u8>>;
    fn describe(&mut self, e: Resource<StreamErr>) -> wasmtime::Result<String>;
    fn forget(&mut self, p: Resource<Pollable>) -> wasmtime::Result<()>;
    fn poll_list(&mut self, list: Vec<Resource<Pollable>>) -> impl std::future::Future<Output = wasmtime::Result<Vec<u32>>> + Send;
    fn now(&mut self) -> wasmtime::Result<u64>;
}

impl<T> OldStreams for WasiImpl<T>
where
    T: WasiView,
{
    fn read(&mut self, s: Resource<InputStream>, len: u64) -> wasmtime::Result<Vec<u8>> {
        match latest::io::streams::HostInputStream::read(&mut self.0, s, len) {
            Ok(bytes) => Ok(bytes),
            Err(StreamError::Closed) => Ok(Vec::new()),
            Err(e) => Err(e.into()),
        }
    }

    fn read_now(&mut self, s: Resource<InputStream>, len: u64) -> wasmtime::Result<Vec<u8>> {
        Ok(blocking::io::streams::HostInputStream::blocking_read(&mut self.0, s, len)?)
    }

    fn describe(&mut self, e: Resource<StreamErr>) -> wasmtime::Result<String> {
        latest::io::error::HostError::to_debug_string(&mut self.0, e)
    }

    fn forget(&mut self, p: Resource<Pollable>) -> wasmtime::Result<()> {
        latest::io::poll::HostPollable::drop(&mut self.0, p)
    }

    async fn poll_list(&mut self, list: Vec<Resource<Pollable>>) -> wasmtime::Result<Vec<u32>> {
        latest::io::poll::Host::poll(&mut self.0, list).await
    }

    // not an io trait: WasiImpl<T> still implements the clocks host traits itself
    fn now(&mut self) -> wasmtime::Result<u64> {
        latest::clocks::monotonic_clock::Host::now(self)
    }
}
