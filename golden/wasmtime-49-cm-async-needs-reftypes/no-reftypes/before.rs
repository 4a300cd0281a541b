use wasmtime::{Config, Engine};

/// An engine for old MVP-only modules.
pub fn mvp_engine() -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.wasm_reference_types(false).wasm_simd(false);
    Engine::new(&config)
}
