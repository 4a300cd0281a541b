use wasmtime::component::Linker;

use crate::Sandbox;

/// Only the wasi:io interfaces, straight from wasmtime-wasi-io.
pub fn io_only(linker: &mut Linker<Sandbox>) -> wasmtime::Result<()> {
    wasmtime_wasi_io::add_to_linker_async(linker)
}
