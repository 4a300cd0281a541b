use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
use wasmtime_wasi::p2::OutputStream;
use wasmtime_wasi::cli::StdoutStream;
use wasmtime_wasi::cli::IsTerminal;

/// Every guest write lands in one shared in-memory pipe.
#[derive(Clone)]
pub struct Shared {
    pipe: MemoryOutputPipe,
}

impl StdoutStream for Shared {
    fn p2_stream(&self) -> Box<dyn OutputStream> {
        Box::new(self.pipe.clone())
    }
}

impl IsTerminal for Shared {
    fn is_terminal(&self) -> bool {
        false
    }
}

pub fn new_shared() -> Shared {
    Shared { pipe: MemoryOutputPipe::new(1 << 16) }
}
