use wasmtime_wasi::{WasiCtx, WasiView};
use wasmtime_wasi::{ResourceTable, WasiCtxView};

pub trait Handler: Send + 'static {}

pub struct Ctx<H> {
    wasi: WasiCtx,
    table: ResourceTable,
    pub handler: H,
}

impl<H: Handler> WasiView for Ctx<H> {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.wasi, table: &mut self.table }
    }
}
