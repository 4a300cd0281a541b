use wasmtime::{Config, Engine};

pub fn engine() -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.wasm_component_model(true);
    config.wasm_component_model_more_flags(true);
    config.wasm_component_model_multiple_returns(true);
    Engine::new(&config)
}
