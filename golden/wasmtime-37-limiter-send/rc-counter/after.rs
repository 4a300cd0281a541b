use std::cell::Cell;
use std::rc::Rc;
use wasmtime::ResourceLimiter;

/// A limiter sharing its counter with the host through `Rc<Cell<_>>`.
pub struct Budget {
    used: Rc<Cell<usize>>,
    max: usize,
}

impl ResourceLimiter for Budget {
    fn memory_growing(&mut self, current: usize, desired: usize, _max: Option<usize>) -> wasmtime::Result<bool> {
        self.used.set(self.used.get() + desired - current);
        Ok(self.used.get() <= self.max)
    }

    fn table_growing(&mut self, _current: usize, _desired: usize, _max: Option<usize>) -> wasmtime::Result<bool> {
        Ok(true)
    }
}
