use wasmtime_wasi::p2::{self as wasi_preview2};
use wasmtime_wasi::ResourceTable;

pub struct Ctx {
    wasi: wasi_preview2::WasiCtx,
    table: ResourceTable,
}

impl wasi_preview2::IoView for Ctx {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

impl wasi_preview2::WasiView for Ctx {
    fn ctx(&mut self) -> &mut wasi_preview2::WasiCtx {
        &mut self.wasi
    }
}

pub fn linker(l: &mut wasmtime::component::Linker<Ctx>) -> wasmtime::Result<()> {
    wasi_preview2::add_to_linker_async(l)
}
