//! A fuzz target: the interesting code sits in a macro call's body.
use wasmtime::{Engine, Extern, Instance, Module, Store};

macro_rules! fuzz_target {
    ($body:expr) => {
        pub fn fuzz(data: &[u8]) {
            let f = $body;
            f(data)
        }
    };
}

fuzz_target!(|data: &[u8]| {
    let engine = Engine::default();
    let Ok(module) = Module::new(&engine, data) else { return };
    let mut store = Store::new(&engine, ());
    let Ok(instance) = Instance::new(&mut store, &module, &[]) else { return };
    for export in instance.exports(&mut store) {
        match export.into_extern() {
            Extern::Func(_) | Extern::Table(_) | Extern::SharedMemory(_) => continue,
            Extern::Global(_) | Extern::Memory(_) => {}
        }
    }
});
