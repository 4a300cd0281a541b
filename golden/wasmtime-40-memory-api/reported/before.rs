use wasmtime::{Memory, MemoryType, SharedMemory, Store};

pub fn default_memory(store: &mut Store<()>, ty: &MemoryType) -> wasmtime::Result<Memory> {
    ty.default_value(&mut *store)
}

pub fn pages(mem: &SharedMemory) -> u32 {
    mem.page_size()
}
