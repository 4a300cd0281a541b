use wasmtime::component::ResourceTable;
use wasmtime_wasi::{IoView, WasiCtx, WasiView};

pub mod adapter;
pub mod bounded;
pub mod probe;
pub mod report;
pub mod shelf;

pub struct Host {
    pub ctx: WasiCtx,
    pub table: ResourceTable,
}

impl IoView for Host {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

impl WasiView for Host {
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.ctx
    }
}
