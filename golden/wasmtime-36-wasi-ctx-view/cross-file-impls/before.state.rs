use wasmtime_wasi::p2::{IoView, WasiCtx};
use wasmtime_wasi::ResourceTable;

pub struct Host {
    pub(crate) wasi: WasiCtx,
    pub(crate) table: ResourceTable,
}

impl IoView for Host {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}
