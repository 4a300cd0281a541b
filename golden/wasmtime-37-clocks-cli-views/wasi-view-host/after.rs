use wasmtime::component::ResourceTable;
use wasmtime_wasi::clocks::{WasiClocksCtx, WasiClocksView};
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

pub struct Host {
    ctx: WasiCtx,
    table: ResourceTable,
    pub clocks: WasiClocksCtx,
}

impl WasiView for Host {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.ctx, table: &mut self.table }
    }
}
