use wasmtime::component::ResourceTable;
use wasmtime_wasi::p2::{IoView, WasiCtx, WasiView};

/// Stands in for a sibling crate of the workspace (`my_runtime::MyView: IoView`).
pub mod my_runtime {
    pub trait MyView: Send {
        fn name(&self) -> &str;
    }
}

pub struct Ctx {
    wasi: WasiCtx,
    table: ResourceTable,
}

impl my_runtime::MyView for Ctx {
    fn name(&self) -> &str {
        "ctx"
    }
}

impl IoView for Ctx {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

impl WasiView for Ctx {
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.wasi
    }
}
