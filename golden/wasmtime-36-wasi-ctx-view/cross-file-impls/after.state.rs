use wasmtime_wasi::WasiCtx;
use wasmtime_wasi::ResourceTable;

pub struct Host {
    pub(crate) wasi: WasiCtx,
    pub(crate) table: ResourceTable,
}
