use wasmtime_wasi::p2::{IoView, WasiCtx, WasiView};
use wasmtime_wasi::ResourceTable;

pub trait Handler: Send + 'static {}

pub struct Ctx<H> {
    wasi: WasiCtx,
    table: ResourceTable,
    pub handler: H,
}

impl<H: Handler> IoView for Ctx<H> {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

impl<H: Handler> WasiView for Ctx<H> {
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.wasi
    }
}
