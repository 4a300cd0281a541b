use wasmtime::component::ResourceTable;
use wasmtime::{Engine, Store};
use wasmtime_wasi::WasiCtxBuilder;

/// No 36.0.20-only API: nothing to report.
pub fn store(engine: &Engine) -> Store<ResourceTable> {
    Store::new(engine, ResourceTable::new())
}

pub fn wasi() -> wasmtime_wasi::WasiCtx {
    WasiCtxBuilder::new().inherit_stdio().build()
}
