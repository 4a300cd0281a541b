use wasmtime::component::{HasData, Linker};
use wasmtime_wasi::p2::IoImpl;
use wasmtime_wasi_http::{WasiHttpImpl, WasiHttpView};

struct HasHttp<T>(T);

impl<T: 'static> HasData for HasHttp<T> {
    type Data<'a> = WasiHttpImpl<&'a mut T>;
}

/// Link the outgoing-http interfaces one by one (the host picks which ones).
pub fn link_http<T: WasiHttpView + 'static>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    wasmtime_wasi_http::bindings::http::outgoing_handler::add_to_linker::<_, HasHttp<T>>(linker, |t| {
        WasiHttpImpl(IoImpl(t))
    })?;
    wasmtime_wasi_http::bindings::http::types::add_to_linker::<_, HasHttp<T>>(linker, &Default::default(), |t| {
        WasiHttpImpl(IoImpl(t))
    })?;
    Ok(())
}
