use wasmtime_wasi::p2::{IoView, WasiCtx, WasiView};
use wasmtime_wasi::ResourceTable;
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

    fn outgoing_body_chunk_size(&mut self) -> usize {
        self.chunk
    }
}

impl IoView for Gateway {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

impl WasiView for Gateway {
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.wasi
    }
}
