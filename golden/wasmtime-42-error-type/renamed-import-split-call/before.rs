use anyhow::Result;
use wasmtime::Engine as WasmEngine;
use wasmtime::{Config, Instance, Store};

/// `WasmEngine` is wasmtime's Engine under another name: its `new` returns `wasmtime::Result` from 42.
pub fn engine(config: &Config) -> Result<WasmEngine> {
    WasmEngine::new(config)
}

/// The method name stands on its own line after the dot.
pub fn run(store: &mut Store<()>, instance: Instance) -> Result<()> {
    let start = instance.get_typed_func::<(), ()>(&mut *store, "_start")?;
    start
        .call(&mut *store, ())
}
