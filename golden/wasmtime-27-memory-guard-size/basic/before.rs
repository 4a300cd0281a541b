use wasmtime::{Config, Engine};

pub fn engine() -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.static_memory_guard_size(1 << 20);
    Engine::new(&config)
}
