mod state;

use wasmtime_wasi::{WasiCtx, WasiView};

pub use state::Host;
use wasmtime_wasi::WasiCtxView;

impl WasiView for Host {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.wasi, table: &mut self.table }
    }
}
