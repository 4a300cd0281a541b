use wasmtime::Config;

/// The project's own settings type, with a method of the same name.
pub struct Limits {
    guard: u64,
}

impl Limits {
    pub fn static_memory_guard_size(&mut self, n: u64) {
        self.guard = n;
    }
}

pub fn setup(config: &mut Config, limits: &mut Limits) {
    limits.static_memory_guard_size(4096);
    config.dynamic_memory_guard_size(4096);
}
