use wasmtime_wasi::{WasiCtx, WasiView};
use wasmtime_wasi::{ResourceTable, WasiCtxView};
use wasmtime_wasi_http::{WasiHttpCtx, WasiHttpView};

pub struct Gateway {
    wasi: WasiCtx,
    http: WasiHttpCtx,
    table: ResourceTable,
    chunk: usize,
}

impl WasiHttpView for Gateway {
    fn ctx(&mut self) -> &mut WasiHttpCtx {
        &mut self.http
    }

    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }

    fn outgoing_body_chunk_size(&mut self) -> usize {
        self.chunk
    }
}

impl WasiView for Gateway {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.wasi, table: &mut self.table }
    }
}
