use std::collections::HashMap;

use wasmtime::{Engine, Extern, Linker, Module, Store};

pub struct Host {
    linker: Linker<()>,
}

pub fn memory_of(engine: &Engine, module: &Module) -> wasmtime::Result<Option<Extern>> {
    let mut linker: Linker<()> = Linker::new(engine);
    let mut store = Store::new(engine, ());
    let instance = linker.instantiate(&mut store, module)?;
    linker.instance(&mut store, "main", instance)?;
    // Option adapters need the Option back
    if let Some(Extern::Memory(_)) = linker.get(&mut store, "main", "memory") {
        println!("exports a memory");
    }
    let run = linker.get(&mut store, "main", "_start").and_then(|e| e.into_func());
    // unwrap/expect work on the Result as they are
    let _start = linker.get(&mut store, "main", "_start").unwrap();
    let _mem = linker.get(&mut store, "main", "memory").expect("memory");
    let _ = run;
    Ok(linker.get(&mut store, "main", "memory"))
}

impl Host {
    pub fn lookup(&self, store: &mut Store<()>, name: &str) -> Option<Extern> {
        self.linker.get(&mut *store, "env", name)
    }
}

/// A map's one-argument `get` is not the linker's.
pub fn config(map: &HashMap<String, String>) -> Option<&String> {
    map.get("key")
}
