use wasmtime_wasi::p1::add_to_linker_sync;
use wasmtime_wasi::WasiCtxBuilder;
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime::{Engine, Linker, Module, Store};

/// Runs a WASIp1 command module with the host's stdio and arguments.
pub fn run(engine: &Engine, module: &Module) -> wasmtime::Result<()> {
    let mut linker: Linker<WasiP1Ctx> = Linker::new(engine);
    add_to_linker_sync(&mut linker, |cx| cx)?;
    let wasi = WasiCtxBuilder::new()
        .inherit_stdio()
        .inherit_args()
        .env("MODE", "batch")
        .build_p1();
    let mut store = Store::new(engine, wasi);
    let instance = linker.instantiate(&mut store, module)?;
    let start = instance.get_typed_func::<(), ()>(&mut store, "_start")?;
    start.call(&mut store, ())
}

pub struct Host {
    pub wasi: wasmtime_wasi::p1::WasiP1Ctx,
}

pub fn link(linker: &mut Linker<Host>) -> wasmtime::Result<()> {
    wasmtime_wasi::p1::add_to_linker_sync(linker, |h: &mut Host| &mut h.wasi)?;
    Ok(())
}
