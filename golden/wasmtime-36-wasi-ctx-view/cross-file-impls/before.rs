mod state;

use wasmtime_wasi::p2::{WasiCtx, WasiView};

pub use state::Host;

impl WasiView for Host {
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.wasi
    }
}
