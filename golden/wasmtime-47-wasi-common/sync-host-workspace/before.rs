use wasi_common::sync::{add_to_linker, WasiCtxBuilder};
use wasi_common::WasiCtx;
use wasmtime::{Engine, Linker, Module, Store};

/// Runs a WASIp1 command module with the host's stdio and arguments.
pub fn run(engine: &Engine, module: &Module) -> wasmtime::Result<()> {
    let mut linker: Linker<WasiCtx> = Linker::new(engine);
    add_to_linker(&mut linker, |cx| cx)?;
    let wasi = WasiCtxBuilder::new()
        .inherit_stdio()
        .inherit_args()?
        .env("MODE", "batch")?
        .build();
    let mut store = Store::new(engine, wasi);
    let instance = linker.instantiate(&mut store, module)?;
    let start = instance.get_typed_func::<(), ()>(&mut store, "_start")?;
    start.call(&mut store, ())
}

pub struct Host {
    pub wasi: wasi_common::WasiCtx,
}

pub fn link(linker: &mut Linker<Host>) -> wasmtime::Result<()> {
    wasi_common::sync::add_to_linker(linker, |h: &mut Host| &mut h.wasi)?;
    Ok(())
}
