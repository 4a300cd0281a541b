use wasmtime::component::ResourceTable;
use wasmtime::{Engine, Store};
use wasmtime_wasi::WasiCtxBuilder;

/// A host that adopted the 36.0.20 hardening knobs.
pub fn store(engine: &Engine) -> Store<ResourceTable> {
    let mut table = ResourceTable::new();
    table.set_max_capacity(10_000);
    let mut store = Store::new(engine, table);
    store.set_hostcall_fuel(1 << 20);
    store
}

pub fn wasi() -> wasmtime_wasi::WasiCtx {
    let max = wasmtime_wasi::random::DEFAULT_MAX_SIZE;
    WasiCtxBuilder::new().max_random_size(max).build()
}
