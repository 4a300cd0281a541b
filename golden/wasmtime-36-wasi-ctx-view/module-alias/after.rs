use wasmtime_wasi::p2::{self as wasi_preview2};
use wasmtime_wasi::{ResourceTable, WasiCtxView};

pub struct Ctx {
    wasi: wasmtime_wasi::WasiCtx,
    table: ResourceTable,
}

impl wasmtime_wasi::WasiView for Ctx {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.wasi, table: &mut self.table }
    }
}

pub fn linker(l: &mut wasmtime::component::Linker<Ctx>) -> wasmtime::Result<()> {
    wasi_preview2::add_to_linker_async(l)
}
