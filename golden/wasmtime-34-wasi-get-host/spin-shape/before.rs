use wasmtime::component::Linker;
use wasmtime_wasi::p2::{IoImpl, WasiImpl, WasiView};

fn type_annotate<T: WasiView, F>(val: F) -> F
where
    F: Fn(&mut T) -> WasiImpl<&mut T>,
{
    val
}

pub fn link_random<T: WasiView>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    let closure = type_annotate::<T, _>(|t| WasiImpl(IoImpl(t)));
    wasmtime_wasi::p2::bindings::random::random::add_to_linker_get_host(linker, closure)?;
    wasmtime_wasi::p2::bindings::clocks::wall_clock::add_to_linker_get_host(linker, closure)?;
    Ok(())
}

pub struct Mine;

/// The pre-34 generated form with a getter returning `&mut U`.
pub fn link_exit<T: 'static>(linker: &mut Linker<T>, get: fn(&mut T) -> &mut Mine) -> wasmtime::Result<()>
where
    Mine: wasmtime_wasi::p2::bindings::cli::exit::Host,
{
    wasmtime_wasi::p2::bindings::cli::exit::add_to_linker(linker, &Default::default(), get)
}
