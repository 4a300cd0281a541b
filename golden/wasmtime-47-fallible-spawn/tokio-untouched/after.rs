use wasmtime::{Engine, Module};

/// Spawning on a tokio runtime and iterating a Vec: not the component-model APIs.
pub fn compile_in_background(rt: &tokio::runtime::Runtime, engine: Engine, wat: Vec<u8>) {
    let names: Vec<&str> = vec!["a", "b"];
    let _n = names.iter().count();
    rt.spawn(async move {
        let _ = Module::new(&engine, &wat);
    });
}
