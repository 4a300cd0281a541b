use wasmtime::{Config, Engine};

const BITS_TO_TEST: u32 = 32;

pub fn engine(forced: bool) -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.static_memory_maximum_size(1 << BITS_TO_TEST);
    config.dynamic_memory_reserved_for_growth(0x2000_0000);
    config.static_memory_forced(forced);
    Engine::new(&config)
}
