use wasmtime::component::{HasData, Linker};
use wasmtime_wasi::p2::bindings;
use wasmtime_wasi::p2::{IoImpl, IoView, WasiImpl, WasiView};
use wasmtime_wasi::{ResourceTable, WasiCtx};

pub struct State {
    ctx: WasiCtx,
    table: ResourceTable,
}

impl IoView for State {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

impl WasiView for State {
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.ctx
    }
}

struct HasWasi;

impl HasData for HasWasi {
    type Data<'a> = WasiImpl<&'a mut State>;
}

fn view(state: &mut State) -> WasiImpl<&mut State> {
    WasiImpl(IoImpl(state))
}

/// Links only the interfaces this embedding offers, one by one.
pub fn link(linker: &mut Linker<State>) -> wasmtime::Result<()> {
    bindings::clocks::wall_clock::add_to_linker::<_, HasWasi>(linker, view)?;
    bindings::random::random::add_to_linker::<_, HasWasi>(linker, view)?;
    wasmtime_wasi::p2::bindings::random::insecure_seed::add_to_linker::<_, HasWasi>(linker, view)?;
    Ok(())
}

/// A module of the program named like the interface is not wasmtime's.
mod random {
    pub fn add_to_linker() {}
}

pub fn unrelated() {
    random::add_to_linker();
}
