use wasmtime::{Config, RegallocAlgorithm};

/// Not wasmtime's `default_value` (a builder taking a string), and a regalloc choice that still exists.
pub struct Arg;

impl Arg {
    pub fn default_value(self, _v: &str) -> Self {
        self
    }
}

pub fn flag() -> Arg {
    Arg.default_value("on")
}

pub fn config() -> Config {
    let mut config = Config::new();
    config.cranelift_regalloc_algorithm(RegallocAlgorithm::Backtracking);
    config
}
