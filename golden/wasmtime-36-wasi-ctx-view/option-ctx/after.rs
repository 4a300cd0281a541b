use wasmtime_wasi::{ResourceTable, WasiCtx, WasiCtxView, WasiView};

/// The WASI context is created lazily, so it is kept in an Option.
pub struct Host {
    wasi: Option<WasiCtx>,
    table: ResourceTable,
}

impl WasiView for Host {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: self.wasi.as_mut().expect("wasi ctx initialised"),
            table: &mut self.table,
        }
    }
}
