use wasmtime::component::ResourceTable;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};
use wasmtime_wasi::clocks::WasiClocksView;
use wasmtime_wasi::cli::WasiCliView;

mod old {
    wasmtime::component::bindgen!({
        inline: "
            package my:old@0.1.0;
            interface clock { now: func() -> u64; }
            interface env { args: func() -> list<string>; }
            world host { import clock; import env; }
        ",
    });
}

pub struct Host {
    ctx: WasiCtx,
    table: ResourceTable,
}

impl WasiView for Host {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.ctx, table: &mut self.table }
    }
}

impl old::my::old::clock::Host for Host {
    fn now(&mut self) -> u64 {
        let t = wasmtime_wasi::p2::bindings::sync::clocks::wall_clock::Host::now(&mut self.clocks())
            .unwrap();
        t.seconds
    }
}

impl old::my::old::env::Host for Host {
    fn args(&mut self) -> Vec<String> {
        wasmtime_wasi::p2::bindings::cli::environment::Host::get_arguments(&mut self.cli()).unwrap()
    }
}

/// Not a WASI host trait: `self.ctx()` stays.
pub fn can_push(host: &mut Host) -> bool {
    host.ctx().table.push(()).is_ok()
}
