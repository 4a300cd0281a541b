use wasmtime::component::Linker;
use wasmtime_wasi::{IoImpl, WasiImpl, WasiView};

fn type_annotate<T: WasiView, F>(val: F) -> F
where
    F: Fn(&mut T) -> WasiImpl<&mut T>,
{
    val
}

/// Links clocks and io with one `WasiImpl` getter; io needs an `IoImpl` getter from 30 (reported).
pub fn link<T: WasiView>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    let closure = type_annotate::<T, _>(|t| WasiImpl(IoImpl(t)));
    wasmtime_wasi::bindings::clocks::monotonic_clock::add_to_linker_get_host(linker, closure)?;
    wasmtime_wasi::bindings::io::error::add_to_linker_get_host(linker, closure)?;
    Ok(())
}

/// Already split for 30: the io getter builds an `IoImpl`, nothing to report.
pub fn link_split<T: WasiView>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    let io = |t: &mut T| wasmtime_wasi::IoImpl(t);
    wasmtime_wasi::bindings::io::poll::add_to_linker_get_host(linker, io)?;
    Ok(())
}
