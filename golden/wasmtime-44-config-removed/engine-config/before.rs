use wasmtime::{Config, Engine};

pub fn engine() -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.cranelift_pcc(true);
    Engine::new(&config)
}

/// A project type with a method of the same name is only reported in files that use wasmtime.
pub struct Settings;
impl Settings {
    pub fn wasm_component_model_async_builtins(&mut self, _on: bool) {}
}
