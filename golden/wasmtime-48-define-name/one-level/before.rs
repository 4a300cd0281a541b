use wasmtime::{Engine, Linker, Memory, MemoryType, Store};

pub fn link(engine: &Engine) -> wasmtime::Result<Linker<()>> {
    let mut store = Store::new(engine, ());
    let memory = Memory::new(&mut store, MemoryType::new(1, None))?;
    let mut linker = Linker::new(engine);
    linker.define_name(&store, "memory", memory)?;
    Ok(linker)
}
