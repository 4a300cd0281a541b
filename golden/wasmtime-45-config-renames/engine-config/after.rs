use wasmtime::{Config, Engine, Inlining};

pub fn engine(fast: bool) -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config
        .wasm_component_model_async(true)
        .wasm_component_model_more_async_builtins(true)
        .compiler_inlining(Inlining::InterModuleAndIntraGc);
    if !fast {
        config.compiler_inlining(Inlining::No);
    }
    Engine::new(&config)
}

pub fn engine_with(config: &mut wasmtime::Config) -> wasmtime::Result<Engine> {
    config.wasm_component_model_more_async_builtins(false);
    Engine::new(config)
}
