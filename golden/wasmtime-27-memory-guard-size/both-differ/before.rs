pub fn configure(config: &mut wasmtime::Config) {
    config
        .static_memory_guard_size(2 << 30)
        .dynamic_memory_guard_size(64 << 10);
}
