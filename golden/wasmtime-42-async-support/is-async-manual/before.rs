use wasmtime::{Config, Engine};

pub fn engine() -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.async_support(false);
    Engine::new(&config)
}

pub fn needs_async_call(engine: &Engine) -> bool {
    engine.is_async()
}
