/// A user enum with a variant of the same name, and wasmtime's spelled out in full.
pub enum Mode {
    Enable,
    Disable,
}

pub fn set(pooling: &mut wasmtime::PoolingAllocationConfig, mode: Mode) {
    let keys = match mode {
        Mode::Enable => wasmtime::MpkEnabled::Enable,
        Mode::Disable => wasmtime::MpkEnabled::Disable,
    };
    pooling.memory_protection_keys(keys);
}
