use std::io::IsTerminal;

use wasmtime_wasi::p2::OutputStream;
use wasmtime_wasi::cli::StdoutStream;

/// The host's own terminal, shared with the guest.
pub struct Console;

impl StdoutStream for Console {
    fn p2_stream(&self) -> Box<dyn OutputStream> {
        wasmtime_wasi::cli::stdout().p2_stream()
    }
}

impl wasmtime_wasi::cli::IsTerminal for Console {
    fn is_terminal(&self) -> bool {
        std::io::stdout().is_terminal()
    }
}
