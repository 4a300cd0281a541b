use std::ops::Range;
use wasmtime::{StackCreator, StackMemory};

/// A fiber stack carved out of a preallocated region.
pub struct RegionStack {
    base: *mut u8,
    len: usize,
}

unsafe impl Send for RegionStack {}
unsafe impl Sync for RegionStack {}

unsafe impl StackMemory for RegionStack {
    fn top(&self) -> *mut u8 {
        unsafe { self.base.add(self.len) }
    }
    fn range(&self) -> Range<usize> {
        self.base as usize..self.base as usize + self.len
    }
}

pub struct Region;

unsafe impl StackCreator for Region {
    fn new_stack(&self, size: usize) -> wasmtime::Result<Box<dyn StackMemory>> {
        let mem = vec![0u8; size].leak();
        Ok(Box::new(RegionStack { base: mem.as_mut_ptr(), len: size }))
    }
}
