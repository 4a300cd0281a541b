use wasmtime_wasi_http::{WasiHttpCtx, WasiHttpView};

use crate::Worker;
use wasmtime_wasi::ResourceTable;

impl WasiHttpView for Worker {
    fn ctx(&mut self) -> &mut WasiHttpCtx {
        &mut self.http
    }
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}
