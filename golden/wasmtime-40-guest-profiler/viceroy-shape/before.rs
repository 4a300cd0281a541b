use std::time::Duration;
use wasmtime::{GuestProfiler, Module};

/// One profiler per request, as an edge host does.
pub fn profiler(name: &str, module: &Module) -> GuestProfiler {
    GuestProfiler::new(name, Duration::from_millis(1), vec![(name.to_string(), module.clone())])
}
