use wasmtime_wasi::{ResourceTable, WasiCtx, WasiCtxView, WasiView};

pub struct Borrowed<'a> {
    wasi: &'a mut WasiCtx,
    table: &'a mut ResourceTable,
}

impl WasiView for Borrowed<'_> {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut *self.wasi, table: &mut *self.table }
    }
}
