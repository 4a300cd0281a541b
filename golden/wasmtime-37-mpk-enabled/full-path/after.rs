/// A user enum with a variant of the same name, and wasmtime's spelled out in full.
pub enum Mode {
    Enable,
    Disable,
}

pub fn set(pooling: &mut wasmtime::PoolingAllocationConfig, mode: Mode) {
    let keys = match mode {
        Mode::Enable => wasmtime::Enabled::Yes,
        Mode::Disable => wasmtime::Enabled::No,
    };
    pooling.memory_protection_keys(keys);
}
