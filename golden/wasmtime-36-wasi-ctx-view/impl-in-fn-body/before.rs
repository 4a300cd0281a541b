use wasmtime::component::Linker;
use wasmtime::Engine;
use wasmtime_wasi::{ResourceTable, WasiCtx, WasiView};

pub fn linker(engine: &Engine) -> Linker<()> {
    struct Local {
        ctx: WasiCtx,
        table: ResourceTable,
    }
    impl WasiView for Local {
        fn ctx(&mut self) -> &mut WasiCtx {
            &mut self.ctx
        }
        fn table(&mut self) -> &mut ResourceTable {
            &mut self.table
        }
    }
    Linker::new(engine)
}
