use wasmtime_wasi::{ResourceTable, WasiCtx, WasiView};

pub struct Host {
    inner: Inner,
    table: ResourceTable,
}

pub struct Inner {
    wasi: WasiCtx,
}

impl WasiView for Host {
    fn ctx(&mut self) -> &mut WasiCtx {
        let inner = &mut self.inner;
        &mut inner.wasi
    }
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}
