use wasmtime_wasi::*;
use wasmtime_wasi::p2::{WasiCtx, WasiCtxBuilder};

pub fn build() -> WasiCtx {
    let _t = ResourceTable::new();
    WasiCtxBuilder::new().inherit_stdio().build()
}
