use wizer::{wasmtime::Module, Wizer};

pub fn preinit(engine: &wizer::wasmtime::Engine, wasm: &[u8]) -> anyhow::Result<Module> {
    let mut w = Wizer::new();
    w.allow_wasi(true)?.inherit_stdio(true);
    let out = w.run(wasm)?;
    Module::new(engine, &out)
}
