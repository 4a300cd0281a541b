use wasmtime::component::ResourceTable;
use wasmtime_wasi_io::IoView;
use wasmtime_wasi::{WasiCtx, WasiView};
use wasmtime_wasi::WasiCtxView;

/// The project's own view, built on `IoView`.
pub trait SessionView: IoView + Send {
    fn session_id(&self) -> u64;
}

pub struct Host {
    ctx: WasiCtx,
    table: ResourceTable,
    id: u64,
}

impl IoView for Host {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

impl WasiView for Host {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.ctx, table: &mut self.table }
    }
}

impl SessionView for Host {
    fn session_id(&self) -> u64 {
        self.id
    }
}

pub fn table_of<T: SessionView>(view: &mut T) -> &mut ResourceTable {
    view.table()
}
