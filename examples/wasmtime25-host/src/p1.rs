//! Running a core module against WASIp1 (preview1), in its own store.

use anyhow::Result;
use wasmtime::{Engine, Linker, Module, Store};
use wasmtime_wasi::preview1::{self, WasiP1Ctx};
use wasmtime_wasi::WasiCtxBuilder;

pub async fn run_module(engine: &Engine, path: &str) -> Result<()> {
    let mut linker: Linker<WasiP1Ctx> = Linker::new(engine);
    preview1::add_to_linker_async(&mut linker, |t| t)?;

    let wasi = WasiCtxBuilder::new().inherit_stdio().inherit_args().build_p1();
    let mut store = Store::new(engine, wasi);

    let module = Module::from_file(engine, path)?;
    let instance = linker.instantiate_async(&mut store, &module).await?;
    let start = instance.get_typed_func::<(), ()>(&mut store, "_start")?;
    start.call_async(&mut store, ()).await
}
