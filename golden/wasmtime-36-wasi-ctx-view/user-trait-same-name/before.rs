use wasmtime_wasi::ResourceTable;

pub trait WasiView {
    fn ctx(&mut self) -> &mut u32;
    fn table(&mut self) -> &mut ResourceTable;
}

pub trait IoView {
    fn table(&mut self) -> &mut ResourceTable;
}

pub struct Mine {
    n: u32,
    table: ResourceTable,
}

impl IoView for Mine {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

impl WasiView for Mine {
    fn ctx(&mut self) -> &mut u32 {
        &mut self.n
    }
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}
