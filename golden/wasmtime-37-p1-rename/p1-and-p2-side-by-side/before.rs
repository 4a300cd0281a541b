use wasmtime_wasi::preview1::{self, WasiP1Ctx};
use wasmtime_wasi::{ResourceTable, WasiCtx, WasiCtxView, WasiView};

pub struct Host {
    pub p1: WasiP1Ctx,
    pub ctx: WasiCtx,
    pub table: ResourceTable,
}

impl WasiView for Host {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.ctx, table: &mut self.table }
    }
}

pub fn link(linker: &mut wasmtime::Linker<Host>) -> wasmtime::Result<()> {
    preview1::add_to_linker_sync(linker, |h| &mut h.p1)?;
    wasmtime_wasi::preview0::add_to_linker_sync(linker, |h| &mut h.p1)
}
