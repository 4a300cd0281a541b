use wasmtime::component::{Component, Linker};
use wasmtime::{Engine, Store};

wasmtime::component::bindgen!({ world: "plugin-world", path: "wit" });

pub struct State;

impl example::plugin::host::Host for State {
    fn log(&mut self, _msg: String) {}
}

pub fn lookup(engine: &Engine, component: &Component) -> wasmtime::Result<()> {
    let _indices = PluginWorldIndices::new(component)?;
    let linker: Linker<State> = Linker::new(engine);
    let mut store = Store::new(engine, State);
    let instance = linker.instantiate(&mut store, component)?;
    let _bound = PluginWorldIndices::new_instance(&mut store, &instance)?;
    Ok(())
}
