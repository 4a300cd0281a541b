use wasmtime_wasi::WasiView as PreviewView;
use wasmtime_wasi::{ResourceTable, WasiCtx};

pub struct State {
    wasi: WasiCtx,
    table: ResourceTable,
}

impl PreviewView for State {
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.wasi
    }
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}
