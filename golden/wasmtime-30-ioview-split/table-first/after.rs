use wasmtime_wasi::{IoView, ResourceTable, WasiCtx, WasiView};

pub struct Host {
    ctx: WasiCtx,
    table: ResourceTable,
}

impl IoView for Host {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

// `table` first, then a blank line: no blank line is left after the `{`
impl WasiView for Host {
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.ctx
    }
}
