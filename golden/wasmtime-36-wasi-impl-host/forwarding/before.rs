use wasmtime::component::Resource;
use wasmtime_wasi::p2::{DynPollable, WasiImpl, WasiView};

mod latest {
    pub use wasmtime_wasi::p2::bindings::*;
}

mod old {
    wasmtime::component::bindgen!({
        inline: "
            package my:old@0.1.0;
            interface clock { now: func() -> u64; }
            interface rng { get-u64: func() -> u64; }
            interface io { resource pollable { ready: func() -> bool; } }
            interface table { count: func() -> u32; push: func() -> u32; }
            world host { import clock; import rng; import io; import table; }
        ",
        trappable_imports: true,
        with: { "my:old/io/pollable": wasmtime_wasi::p2::DynPollable },
    });
}

use old::my::old as o;

impl<T> o::clock::Host for WasiImpl<T>
where
    T: WasiView,
{
    fn now(&mut self) -> wasmtime::Result<u64> {
        let now = latest::clocks::monotonic_clock::Host::now(self)?;
        Ok(now)
    }
}

impl<T: WasiView> o::rng::Host for WasiImpl<T> {
    fn get_u64(&mut self) -> wasmtime::Result<u64> {
        latest::random::random::Host::get_random_u64(self)
    }
}

impl<T> o::io::Host for WasiImpl<T> where T: WasiView {}

impl<T> o::io::HostPollable for WasiImpl<T>
where
    T: WasiView,
{
    fn ready(&mut self, rep: Resource<DynPollable>) -> wasmtime::Result<bool> {
        let rep: Resource<DynPollable> = Resource::new_borrow(rep.rep());
        // ready is async in latest; answer from the table instead
        let _ = self.table().get(&rep)?;
        Ok(true)
    }

    fn drop(&mut self, rep: Resource<DynPollable>) -> wasmtime::Result<()> {
        latest::io::poll::HostPollable::drop(&mut self.0, rep)
    }
}

impl<T> o::table::Host for WasiImpl<T>
where
    T: WasiView,
{
    fn count(&mut self) -> wasmtime::Result<u32> {
        Ok(count_entries(self))
    }

    fn push(&mut self) -> wasmtime::Result<u32> {
        push_marker(self, 7)
    }
}

fn push_marker(mut view: impl WasiView, v: u32) -> wasmtime::Result<u32> {
    Ok(view.table().push(v)?.rep())
}

fn count_entries<T: WasiView>(view: &mut WasiImpl<T>) -> u32 {
    let marker = view.table().push(0u32).map(|r| r.rep()).unwrap_or(0);
    marker
}

/// A user's own wrapper type: never touched.
pub struct Wrapped<T>(pub T);

impl<T: Clone> Clone for Wrapped<T> {
    fn clone(&self) -> Self {
        Wrapped(self.0.clone())
    }
}
