use std::time::Duration;
use wasmtime::{Engine, GuestProfiler, Module};

/// Written for 40: nothing to report.
pub fn profiler(engine: &Engine, name: &str, module: &Module) -> wasmtime::Result<GuestProfiler> {
    GuestProfiler::new(engine, name, Duration::from_millis(1), vec![(name.to_string(), module.clone())])
}
