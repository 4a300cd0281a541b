pub fn engine() -> anyhow::Result<wasmtime::Engine> {
    let mut config = wasmtime::Config::new();
    config
        .memory_may_move(false)
        .memory_reservation(0)
        .memory_guard_size(64 << 10);
    wasmtime::Engine::new(&config)
}
