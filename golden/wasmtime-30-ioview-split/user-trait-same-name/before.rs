// A project trait that happens to share the name: it must not be touched.
use wasmtime_wasi::ResourceTable;

pub trait WasiView {
    fn ctx(&mut self) -> &mut u32;
    fn table(&mut self) -> &mut ResourceTable;
}

pub struct Mine {
    n: u32,
    table: ResourceTable,
}

impl WasiView for Mine {
    fn ctx(&mut self) -> &mut u32 {
        &mut self.n
    }
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

mod other {
    pub trait IoView {}
    pub trait WasiView {
        fn table(&mut self) -> u8;
    }
    pub struct S;
    impl WasiView for S {
        fn table(&mut self) -> u8 {
            0
        }
    }
}
