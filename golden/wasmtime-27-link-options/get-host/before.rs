use wasmtime::component::Linker;
use wasmtime_wasi::{WasiImpl, WasiView};

fn annotate<T: WasiView, F>(f: F) -> F
where
    F: Fn(&mut T) -> WasiImpl<&mut T>,
{
    f
}

/// Links only the CLI and network interfaces the guests may use.
pub fn link_cli<T: WasiView>(linker: &mut Linker<T>) -> anyhow::Result<()> {
    let get = annotate::<T, _>(|t| WasiImpl(t));
    wasmtime_wasi::bindings::cli::environment::add_to_linker_get_host(linker, get)?;
    wasmtime_wasi::bindings::cli::exit::add_to_linker_get_host(linker, get)?;
    wasmtime_wasi::bindings::sockets::network::add_to_linker_get_host(linker, get)?;
    Ok(())
}
