use wasmtime::component::{Linker, ResourceTable};
use wasmtime_wasi_http::{self as wasi_http, WasiHttpCtx};

pub trait Handler: Send + 'static {
    fn name(&self) -> &str;
}

pub struct Ctx<H> {
    pub handler: H,
    http: WasiHttpCtx,
    table: ResourceTable,
}

impl<H: Handler> wasi_http::WasiHttpView for Ctx<H> {
    fn ctx(&mut self) -> &mut WasiHttpCtx {
        &mut self.http
    }
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

pub fn add_http<H: Handler>(linker: &mut Linker<Ctx<H>>) -> wasmtime::Result<()> {
    wasi_http::add_only_http_to_linker_sync(linker)
}

pub fn chunk_size() -> usize {
    wasi_http::DEFAULT_OUTGOING_BODY_CHUNK_SIZE
}
