use wasmtime::component::Linker;
use wasmtime_wasi::{IoImpl, WasiImpl, WasiView};

fn type_annotate<T: WasiView, F>(val: F) -> F
where
    F: Fn(&mut T) -> WasiImpl<&mut T>,
{
    val
}

/// Already in the 30 shape: nothing to do.
pub fn link_random<T: WasiView>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    let closure = type_annotate::<T, _>(|t| WasiImpl(IoImpl(t)));
    wasmtime_wasi::bindings::random::random::add_to_linker_get_host(linker, closure)
}
