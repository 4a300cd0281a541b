//! `Linker::define_unknown_imports_as_default_values` takes the store first from 32.
use wasmtime::*;

pub fn run(wasm: &[u8]) -> Result<()> {
    let engine = Engine::default();
    let module = Module::new(&engine, wasm)?;
    let mut linker: Linker<()> = Linker::new(&engine);
    let mut store = Store::new(&engine, ());
    linker.define_unknown_imports_as_default_values(&module)?;
    linker.instantiate(&mut store, &module)?;
    Ok(())
}

pub fn with_store(store: &mut Store<()>, module: &Module) -> Result<()> {
    let mut linker = Linker::new(store.engine());
    linker.define_unknown_imports_as_default_values(&module)?;
    linker.instantiate(store, module)?;
    Ok(())
}
