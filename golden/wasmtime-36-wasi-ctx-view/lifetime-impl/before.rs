use wasmtime_wasi::{ResourceTable, WasiCtx, WasiView};

pub struct Borrowed<'a> {
    wasi: &'a mut WasiCtx,
    table: &'a mut ResourceTable,
}

impl WasiView for Borrowed<'_> {
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut *self.wasi
    }
    fn table(&mut self) -> &mut ResourceTable {
        &mut *self.table
    }
}
