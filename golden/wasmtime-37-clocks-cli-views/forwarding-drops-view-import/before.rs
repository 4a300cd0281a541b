mod shims;

use wasmtime::component::ResourceTable;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

mod legacy {
    wasmtime::component::bindgen!({
        inline: "
            package my:legacy@0.1.0;
            interface time { wall: func() -> u64; }
            world host { import time; }
        ",
    });
}

pub struct Host {
    ctx: WasiCtx,
    table: ResourceTable,
}

impl WasiView for Host {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.ctx, table: &mut self.table }
    }
}
