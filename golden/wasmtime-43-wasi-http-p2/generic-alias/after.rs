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

impl<H: Handler> wasi_http::p2::WasiHttpView for Ctx<H> {
    fn http(&mut self) -> wasi_http::p2::WasiHttpCtxView<'_> {
        wasi_http::p2::WasiHttpCtxView {
            ctx: &mut self.http,
            table: &mut self.table,
            hooks: Default::default(),
        }
    }
}

pub fn add_http<H: Handler>(linker: &mut Linker<Ctx<H>>) -> wasmtime::Result<()> {
    wasi_http::p2::add_only_http_to_linker_sync(linker)
}

pub fn chunk_size() -> usize {
    wasi_http::p2::DEFAULT_OUTGOING_BODY_CHUNK_SIZE
}
