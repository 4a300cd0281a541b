use wasmtime::component::{HasData, Linker};
use wasmtime_wasi::p2::bindings;
use wasmtime_wasi::p2::bindings::random::{insecure as weak_random, random::{self as strong_random}};
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

/// Links only the interfaces this embedding offers, one by one, through renamed modules.
pub fn link(linker: &mut Linker<State>) -> wasmtime::Result<()> {
    bindings::clocks::wall_clock::add_to_linker::<_, HasWasi>(linker, view)?;
    // the interfaces' modules under names of the program's own (renaming imports)
    strong_random::add_to_linker::<_, HasWasi>(linker, view)?;
    weak_random::add_to_linker::<_, HasWasi>(linker, view)?;
    Ok(())
}
