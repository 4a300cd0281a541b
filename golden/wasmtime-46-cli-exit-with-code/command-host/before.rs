use wasmtime::component::Linker;
use wasmtime_wasi::p2::bindings::LinkOptions;
use wasmtime_wasi::{ResourceTable, WasiCtx, WasiCtxView, WasiView};

pub struct Host {
    ctx: WasiCtx,
    table: ResourceTable,
}

impl WasiView for Host {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.ctx, table: &mut self.table }
    }
}

pub fn link(linker: &mut Linker<Host>) -> wasmtime::Result<()> {
    let mut options = LinkOptions::default();
    options.cli_exit_with_code(true);
    wasmtime_wasi::p2::add_to_linker_with_options_async(linker, &options)
}

pub fn link_chain(linker: &mut Linker<Host>) -> wasmtime::Result<()> {
    let mut options = LinkOptions::default();
    options
        .cli_exit_with_code(true)
        .network_error_code(true);
    wasmtime_wasi::p2::add_to_linker_with_options_async(linker, &options)
}
