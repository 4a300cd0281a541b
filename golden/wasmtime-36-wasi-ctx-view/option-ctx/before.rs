use wasmtime_wasi::{ResourceTable, WasiCtx, WasiView};

/// The WASI context is created lazily, so it is kept in an Option.
pub struct Host {
    wasi: Option<WasiCtx>,
    table: ResourceTable,
}

impl WasiView for Host {
    fn ctx(&mut self) -> &mut WasiCtx {
        self.wasi.as_mut().expect("wasi ctx initialised")
    }
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}
