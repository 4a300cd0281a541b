use wasmtime::component::{Resource, ResourceTable};
use wasmtime::Store;
use wasmtime_wasi::p2::{IoView, WasiCtx, WasiView};

mod state;

pub use state::Ctx;

wasmtime::component::bindgen!({
    inline: "
        package my:things@0.1.0;
        interface things {
            resource thing { constructor(v: u32); get: func() -> u32; }
        }
        world host { import things; }
    ",
    trappable_imports: true,
    with: { "my:things/things/thing": Thing },
});

pub struct Thing(u32);

impl my::things::things::Host for Ctx {}

impl my::things::things::HostThing for Ctx {
    fn new(&mut self, v: u32) -> wasmtime::Result<Resource<Thing>> {
        Ok(self.table().push(Thing(v))?)
    }

    fn get(&mut self, this: Resource<Thing>) -> wasmtime::Result<u32> {
        let t = self
            .table()
            .get(&this)?;
        Ok(t.0)
    }

    fn drop(&mut self, this: Resource<Thing>) -> wasmtime::Result<()> {
        self.table().delete(this)?;
        Ok(())
    }
}

pub fn peek(store: &mut Store<Ctx>, r: &Resource<Thing>) -> wasmtime::Result<u32> {
    Ok(store.data_mut().table().get(r)?.0)
}

pub fn describe(store: &mut Store<Ctx>, r: &Resource<Thing>) -> wasmtime::Result<String> {
    Ok(format!("thing {}", store.data_mut().table().get(r)?.0))
}

pub fn fresh(wasi: WasiCtx) -> Ctx {
    Ctx { wasi, table: ResourceTable::new() }
}
