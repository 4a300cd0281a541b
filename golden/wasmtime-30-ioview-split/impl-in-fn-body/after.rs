use wasmtime::component::Linker;
use wasmtime::Engine;
use wasmtime_wasi::{IoView, ResourceTable, WasiCtx, WasiView};

pub fn linker(engine: &Engine) -> wasmtime::Result<()> {
    struct Local {
        ctx: WasiCtx,
        table: ResourceTable,
    }
    impl IoView for Local {
        fn table(&mut self) -> &mut ResourceTable {
            &mut self.table
        }
    }

    impl WasiView for Local {
        fn ctx(&mut self) -> &mut WasiCtx {
            &mut self.ctx
        }
    }
    let mut linker: Linker<Local> = Linker::new(engine);
    wasmtime_wasi::add_to_linker_sync(&mut linker)?;
    Ok(())
}
