use anyhow::Result;
use wasmtime::{Engine, Instance, Linker, Module, Store};

/// The returned value is a wasmtime call's result: `wasmtime::Result` from 42, not anyhow's.
pub async fn run_start(store: &mut Store<()>, instance: Instance) -> Result<()> {
    let start = instance.get_typed_func::<(), ()>(&mut *store, "_start")?;
    Ok(start.call_async(&mut *store, ()).await?)
}

pub fn instantiate(engine: &Engine, store: &mut Store<()>, module: &Module) -> Result<Instance> {
    let linker: Linker<()> = Linker::new(engine);
    Ok(linker.instantiate(store, module)?)
}
