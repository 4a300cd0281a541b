use wasmtime::{Config, Engine};

pub fn engine(fast: bool) -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config
        .wasm_component_model_async(true)
        .wasm_component_model_async_builtins(true)
        .compiler_inlining(true);
    if !fast {
        config.compiler_inlining(false);
    }
    Engine::new(&config)
}

pub fn engine_with(config: &mut wasmtime::Config) -> wasmtime::Result<Engine> {
    config.wasm_component_model_async_builtins(false);
    Engine::new(config)
}
