use wasmtime::{Config, Engine};

const BITS_TO_TEST: u32 = 32;

pub fn engine(forced: bool) -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.memory_reservation(1 << BITS_TO_TEST);
    config.memory_reservation_for_growth(0x2000_0000);
    config.memory_may_move(!forced);
    Engine::new(&config)
}
