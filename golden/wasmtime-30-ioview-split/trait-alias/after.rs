use wasmtime_wasi::WasiView as PreviewView;
use wasmtime_wasi::{IoView, ResourceTable, WasiCtx};

pub struct State {
    wasi: WasiCtx,
    table: ResourceTable,
}

impl IoView for State {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

impl PreviewView for State {
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.wasi
    }
}
