mod http;

use wasmtime_wasi::{WasiCtx, WasiView};
use wasmtime_wasi::{ResourceTable, WasiCtxView};
use wasmtime_wasi_http::WasiHttpCtx;

pub struct Worker {
    wasi: WasiCtx,
    http: WasiHttpCtx,
    table: ResourceTable,
}

impl WasiView for Worker {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.wasi, table: &mut self.table }
    }
}
