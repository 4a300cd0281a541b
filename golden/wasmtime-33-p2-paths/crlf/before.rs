use wasmtime_wasi::{ResourceTable, WasiCtx};

pub struct Host {
    pub ctx: WasiCtx,
    pub table: ResourceTable,
}
