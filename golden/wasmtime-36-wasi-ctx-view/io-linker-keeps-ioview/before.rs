mod linking;

use wasmtime::component::{Resource, ResourceTable};
use wasmtime_wasi::p2::{IoView, WasiCtx, WasiView};

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
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.wasi
    }
}

impl Sandbox {
    pub fn store_name(&mut self, name: String) -> wasmtime::Result<Resource<String>> {
        Ok(self.table().push(name)?)
    }
}
