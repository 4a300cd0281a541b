use wasmtime_wasi::*;

pub fn build() -> WasiCtx {
    let _t = ResourceTable::new();
    WasiCtxBuilder::new().inherit_stdio().build()
}
