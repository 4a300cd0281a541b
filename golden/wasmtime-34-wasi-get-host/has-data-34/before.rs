use wasmtime::component::{HasData, Linker};
use wasmtime_wasi::p2::{IoImpl, WasiImpl, WasiView};

/// What the report asks for, written for 34: it compiles there and is not reported again.
struct HasWasi<T>(T);

impl<T: 'static> HasData for HasWasi<T> {
    type Data<'a> = WasiImpl<&'a mut T>;
}

pub fn link_random<T: WasiView + 'static>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    wasmtime_wasi::p2::bindings::random::random::add_to_linker::<_, HasWasi<T>>(linker, |t| WasiImpl(IoImpl(t)))?;
    wasmtime_wasi::p2::bindings::clocks::wall_clock::add_to_linker::<_, HasWasi<T>>(linker, |t| {
        WasiImpl(IoImpl(t))
    })?;
    Ok(())
}
