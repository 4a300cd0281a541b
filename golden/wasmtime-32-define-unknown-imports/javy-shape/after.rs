use wasmtime::{Engine, Instance, Linker, Module, Store};

/// Instantiate a plugin whose unknown imports get default values (the store is made after the linker).
pub fn instantiate(bytes: &[u8]) -> wasmtime::Result<(Store<()>, Instance)> {
    let engine = Engine::default();
    let module = Module::new(&engine, bytes)?;
    let mut linker = Linker::new(&engine);
    linker.define_unknown_imports_as_default_values(&module)?;
    let mut store = Store::new(&engine, ());
    let instance = linker.instantiate(&mut store, &module)?;
    Ok((store, instance))
}
