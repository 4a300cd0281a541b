use wasmtime::component::Linker;
use wasmtime_wasi as wasi;
use wasmtime_wasi_http::{WasiHttpImpl, WasiHttpView};

mod local {
    /// Our own wrapper with the same name: left alone.
    pub struct WasiImpl<T>(pub T);

    pub fn wrap(x: u32) -> WasiImpl<u32> {
        WasiImpl(x)
    }
}

fn annotate_wasi<T: wasi::WasiView, F: Fn(&mut T) -> wasi::WasiImpl<&mut T>>(f: F) -> F {
    f
}

pub fn link_random<T: wasi::WasiView>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    wasi::bindings::random::random::add_to_linker_get_host(linker, annotate_wasi(|t| wasi::WasiImpl(t)))
}

pub fn link_http_types<T: WasiHttpView>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    fn annotate<T, F: Fn(&mut T) -> WasiHttpImpl<&mut T>>(f: F) -> F {
        f
    }
    let get = annotate(|t: &mut T| WasiHttpImpl(t));
    wasmtime_wasi_http::bindings::http::types::add_to_linker_get_host(linker, get)
}

pub fn unwrap_local(w: local::WasiImpl<u32>) -> u32 {
    let local::WasiImpl(inner) = w;
    inner + local::wrap(1).0
}

pub fn into_inner<T>(w: wasi::WasiImpl<T>) -> T {
    let wasi::WasiImpl(t) = w;
    t
}
