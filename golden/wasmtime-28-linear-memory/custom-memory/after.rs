use std::ops::Range;
use wasmtime::LinearMemory;

/// A memory backed by a Vec (no guard pages).
pub struct VecMemory {
    data: Vec<u8>,
    max: Option<usize>,
}

unsafe impl LinearMemory for VecMemory {
    fn byte_size(&self) -> usize {
        self.data.len()
    }
    fn maximum_byte_size(&self) -> Option<usize> {
        self.max
    }
    fn grow_to(&mut self, new_size: usize) -> wasmtime::Result<()> {
        self.data.resize(new_size, 0);
        Ok(())
    }
    fn as_ptr(&self) -> *mut u8 {
        self.data.as_ptr() as *mut u8
    }
    fn wasm_accessible(&self) -> Range<usize> {
        let base = self.data.as_ptr() as usize;
        base..base + self.data.len()
    }
}
