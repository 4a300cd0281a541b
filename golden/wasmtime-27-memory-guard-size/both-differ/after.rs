pub fn configure(config: &mut wasmtime::Config) {
    config
        .memory_guard_size(2 << 30)
        .memory_guard_size(64 << 10);
}
