use wasmtime_wasi::{IoView, ResourceTable, WasiCtx, WasiView};

pub struct Borrowed<'a> {
    wasi: &'a mut WasiCtx,
    table: &'a mut ResourceTable,
}

impl<'a> IoView for Borrowed<'a> {
    fn table(&mut self) -> &mut ResourceTable {
        self.table
    }
}

impl<'a> WasiView for Borrowed<'a> {
    fn ctx(&mut self) -> &mut WasiCtx {
        self.wasi
    }
}
