use wasmtime::ResourceLimiter;

/// Caps tables at a fixed number of elements and memories at a fixed size.
pub struct Caps {
    pub max_table: u64,
    pub max_memory: usize,
}

impl ResourceLimiter for Caps {
    fn memory_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        Ok(desired <= self.max_memory)
    }

    fn table_growing(&mut self, _current: usize, desired: usize, maximum: Option<usize>) -> wasmtime::Result<bool> {
        Ok(maximum.map_or(true, |m| desired <= m) && desired as u64 <= self.max_table)
    }
}
