use std::io::IsTerminal;

use wasmtime_wasi::p2::{OutputStream, StdoutStream};

/// The host's own terminal, shared with the guest.
pub struct Console;

impl StdoutStream for Console {
    fn stream(&self) -> Box<dyn OutputStream> {
        wasmtime_wasi::p2::stdout().stream()
    }

    fn isatty(&self) -> bool {
        std::io::stdout().is_terminal()
    }
}
