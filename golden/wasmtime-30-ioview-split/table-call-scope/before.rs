use wasmtime::component::ResourceTable;
use wasmtime_wasi::{WasiCtx, WasiView};

pub mod adapter;
pub mod bounded;
pub mod probe;
pub mod report;
pub mod shelf;

pub struct Host {
    pub ctx: WasiCtx,
    pub table: ResourceTable,
}

impl WasiView for Host {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.ctx
    }
}
