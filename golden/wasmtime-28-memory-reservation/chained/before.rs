pub fn engine() -> anyhow::Result<wasmtime::Engine> {
    let mut config = wasmtime::Config::new();
    config
        .static_memory_forced(true)
        .static_memory_maximum_size(0)
        .memory_guard_size(64 << 10);
    wasmtime::Engine::new(&config)
}
