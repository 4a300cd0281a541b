use wasmtime::{Config, Engine};

/// No pooling allocator and no custom stacks: nothing to report.
pub fn engine() -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.async_support(true).max_wasm_stack(1 << 20);
    Engine::new(&config)
}

/// A user type with a same-named method is not wasmtime's.
pub struct Knobs;

impl Knobs {
    pub fn async_stack_zeroing_hint(&self) -> bool {
        true
    }
}
