use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Already Send (Arc + atomics): nothing to report.
pub struct Budget {
    used: Arc<AtomicUsize>,
    max: usize,
}

impl wasmtime::ResourceLimiter for Budget {
    fn memory_growing(&mut self, current: usize, desired: usize, _max: Option<usize>) -> wasmtime::Result<bool> {
        let now = self.used.fetch_add(desired - current, Ordering::Relaxed) + desired - current;
        Ok(now <= self.max)
    }

    fn table_growing(&mut self, _current: usize, _desired: usize, _max: Option<usize>) -> wasmtime::Result<bool> {
        Ok(true)
    }
}
