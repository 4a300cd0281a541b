mod http;

use wasmtime_wasi::p2::{IoView, WasiCtx, WasiView};
use wasmtime_wasi::ResourceTable;
use wasmtime_wasi_http::WasiHttpCtx;

pub struct Worker {
    wasi: WasiCtx,
    http: WasiHttpCtx,
    table: ResourceTable,
}

impl IoView for Worker {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

impl WasiView for Worker {
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.wasi
    }
}
