use wasmtime_wasi::{IoView, ResourceTable, WasiCtx, WasiView};

// each module has its own `MyWasi`: two types, two `impl IoView`
pub struct MyWasi {
    ctx: WasiCtx,
    table: ResourceTable,
}

impl IoView for MyWasi {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

impl WasiView for MyWasi {
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.ctx
    }
}
