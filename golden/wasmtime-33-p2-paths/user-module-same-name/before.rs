// `pipe` here is the project's own module, not wasmtime_wasi::pipe
mod pipe {
    pub struct MemoryOutputPipe;
}

use pipe::MemoryOutputPipe;
use wasmtime_wasi::ResourceTable;

pub fn make() -> (MemoryOutputPipe, ResourceTable) {
    (MemoryOutputPipe, ResourceTable::new())
}
