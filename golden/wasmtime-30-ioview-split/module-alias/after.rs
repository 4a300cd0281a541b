use wasmtime_wasi::{self as wasi_preview2, ResourceTable};

pub struct Ctx {
    wasi: wasi_preview2::WasiCtx,
    resources: ResourceTable,
}

impl wasi_preview2::IoView for Ctx {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.resources
    }
}

impl wasi_preview2::WasiView for Ctx {
    fn ctx(&mut self) -> &mut wasi_preview2::WasiCtx {
        &mut self.wasi
    }
}
