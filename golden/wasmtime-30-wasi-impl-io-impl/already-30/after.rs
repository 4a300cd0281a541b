use wasmtime::component::Linker;
use wasmtime_wasi::{IoImpl, WasiImpl, WasiView};

/// Already in the 30 shape: nothing to do.
pub fn link_random<T: WasiView>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    wasmtime_wasi::bindings::random::random::add_to_linker_get_host(linker, |t| WasiImpl(IoImpl(t)))
}
