use wasmtime::component::Linker;
use wasmtime_wasi::{WasiImpl, WasiView};

fn type_annotate<T: WasiView, F>(val: F) -> F
where
    F: Fn(&mut T) -> WasiImpl<&mut T>,
{
    val
}

/// Link only the interfaces this host allows, the way wasmtime-wasi's own `add_to_linker` did up to 29.
pub fn add_env_and_random<T: WasiView>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    let closure = type_annotate::<T, _>(|t| WasiImpl(t));
    wasmtime_wasi::bindings::cli::environment::add_to_linker_get_host(linker, closure)?;
    wasmtime_wasi::bindings::random::random::add_to_linker_get_host(linker, closure)?;
    Ok(())
}
