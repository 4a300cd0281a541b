use wasmtime::component::Linker;
use wasmtime::Engine;
use wasmtime_wasi::{ResourceTable, WasiCtx, WasiCtxView, WasiView};

pub fn linker(engine: &Engine) -> Linker<()> {
    struct Local {
        ctx: WasiCtx,
        table: ResourceTable,
    }
    impl WasiView for Local {
        fn ctx(&mut self) -> WasiCtxView<'_> {
            WasiCtxView { ctx: &mut self.ctx, table: &mut self.table }
        }
    }
    Linker::new(engine)
}
