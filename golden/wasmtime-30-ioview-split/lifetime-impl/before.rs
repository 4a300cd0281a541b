use wasmtime_wasi::{ResourceTable, WasiCtx, WasiView};

pub struct Borrowed<'a> {
    wasi: &'a mut WasiCtx,
    table: &'a mut ResourceTable,
}

impl<'a> WasiView for Borrowed<'a> {
    fn ctx(&mut self) -> &mut WasiCtx {
        self.wasi
    }
    fn table(&mut self) -> &mut ResourceTable {
        self.table
    }
}
