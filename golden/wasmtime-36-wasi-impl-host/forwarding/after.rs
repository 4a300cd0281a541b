use wasmtime::component::Resource;
use wasmtime_wasi::p2::DynPollable;
use wasmtime_wasi::WasiView;

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
        imports: { default: trappable },
        with: { "my:old/io/pollable": wasmtime_wasi::p2::DynPollable },
    });
}

use old::my::old as o;
use wasmtime_wasi::WasiCtxView;

impl o::clock::Host for WasiCtxView<'_> {
    fn now(&mut self) -> wasmtime::Result<u64> {
        let now = latest::clocks::monotonic_clock::Host::now(self)?;
        Ok(now)
    }
}

impl o::rng::Host for WasiCtxView<'_> {
    fn get_u64(&mut self) -> wasmtime::Result<u64> {
        latest::random::random::Host::get_random_u64(self.ctx.random())
    }
}

impl o::io::Host for WasiCtxView<'_> {}

impl o::io::HostPollable for WasiCtxView<'_> {
    fn ready(&mut self, rep: Resource<DynPollable>) -> wasmtime::Result<bool> {
        let rep: Resource<DynPollable> = Resource::new_borrow(rep.rep());
        // ready is async in latest; answer from the table instead
        let _ = self.table.get(&rep)?;
        Ok(true)
    }

    fn drop(&mut self, rep: Resource<DynPollable>) -> wasmtime::Result<()> {
        latest::io::poll::HostPollable::drop(self.table, rep)
    }
}

impl o::table::Host for WasiCtxView<'_> {
    fn count(&mut self) -> wasmtime::Result<u32> {
        Ok(count_entries(self))
    }

    fn push(&mut self) -> wasmtime::Result<u32> {
        push_marker(self, 7)
    }
}

fn push_marker(view: &mut WasiCtxView<'_>, v: u32) -> wasmtime::Result<u32> {
    Ok(view.table.push(v)?.rep())
}

fn count_entries(view: &mut WasiCtxView<'_>) -> u32 {
    let marker = view.table.push(0u32).map(|r| r.rep()).unwrap_or(0);
    marker
}

/// A user's own wrapper type: never touched.
pub struct Wrapped<T>(pub T);

impl<T: Clone> Clone for Wrapped<T> {
    fn clone(&self) -> Self {
        Wrapped(self.0.clone())
    }
}
