use wasmtime_wasi_http::{WasiHttpCtx, WasiHttpView};

use crate::Worker;

impl WasiHttpView for Worker {
    fn ctx(&mut self) -> &mut WasiHttpCtx {
        &mut self.http
    }
}
