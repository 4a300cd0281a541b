use wasmtime_wasi::ResourceTable;
use wasmtime_wasi::p2::WasiCtx;

pub struct Host {
    pub ctx: WasiCtx,
    pub table: ResourceTable,
}
