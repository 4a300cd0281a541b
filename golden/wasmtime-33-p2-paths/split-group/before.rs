use wasmtime::component::Linker;
use wasmtime_wasi::{IoView, ResourceTable, WasiCtx, WasiCtxBuilder, WasiView};

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

pub fn setup(linker: &mut Linker<Host>) -> wasmtime::Result<Host> {
    wasmtime_wasi::add_to_linker_sync(linker)?;
    Ok(Host { ctx: WasiCtxBuilder::new().build(), table: ResourceTable::new() })
}
