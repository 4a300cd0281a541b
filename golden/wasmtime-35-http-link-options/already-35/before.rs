use wasmtime::component::{HasData, Linker};
use wasmtime_wasi::p2::IoImpl;
use wasmtime_wasi_http::bindings::http::types;
use wasmtime_wasi_http::{WasiHttpImpl, WasiHttpView};

struct HasHttp<T>(T);

impl<T: 'static> HasData for HasHttp<T> {
    type Data<'a> = WasiHttpImpl<&'a mut T>;
}

/// Already passes options (through an imported module): left alone.
pub fn link_types<T: WasiHttpView + 'static>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    let options = types::LinkOptions::default();
    types::add_to_linker::<_, HasHttp<T>>(linker, &options, |t| WasiHttpImpl(IoImpl(t)))
}
