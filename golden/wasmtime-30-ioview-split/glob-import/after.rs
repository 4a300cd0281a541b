use wasmtime_wasi::*;

pub struct Host {
    ctx: WasiCtx,
    table: ResourceTable,
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
