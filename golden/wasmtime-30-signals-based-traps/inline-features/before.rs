use wasmtime::{Config, Engine};

pub fn build_engine() -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.signals_based_traps(true);
    Engine::new(&config)
}
