mod linking;

use wasmtime::component::{Resource, ResourceTable};
use wasmtime_wasi_io::IoView;
use wasmtime_wasi::{WasiCtx, WasiView};
use wasmtime_wasi::WasiCtxView;

pub struct Sandbox {
    wasi: WasiCtx,
    resources: ResourceTable,
}

impl IoView for Sandbox {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.resources
    }
}

impl WasiView for Sandbox {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.wasi, table: &mut self.resources }
    }
}

impl Sandbox {
    pub fn store_name(&mut self, name: String) -> wasmtime::Result<Resource<String>> {
        Ok(self.table().push(name)?)
    }
}
