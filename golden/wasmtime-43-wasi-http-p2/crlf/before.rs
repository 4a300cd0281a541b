use wasmtime::component::ResourceTable;
use wasmtime_wasi_http::{WasiHttpCtx, WasiHttpView};

pub struct S {
    http: WasiHttpCtx,
    table: ResourceTable,
}

impl WasiHttpView for S {
    fn ctx(&mut self) -> &mut WasiHttpCtx {
        &mut self.http
    }

    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

pub fn link(l: &mut wasmtime::component::Linker<S>) -> wasmtime::Result<()> {
    wasmtime_wasi_http::add_only_http_to_linker_sync(l)
}
