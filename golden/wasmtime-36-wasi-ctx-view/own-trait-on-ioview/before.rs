use wasmtime::component::ResourceTable;
use wasmtime_wasi::p2::{IoView, WasiCtx, WasiView};

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
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.ctx
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
