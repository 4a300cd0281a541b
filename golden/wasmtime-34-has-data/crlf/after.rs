use wasmtime::component::{HasData, HasSelf, Linker};

wasmtime::component::bindgen!({ world: "plugin-world", path: "wit" });

pub struct State;

pub fn link(linker: &mut Linker<State>) -> wasmtime::Result<()> {
    PluginWorld::add_to_linker::<_, HasSelf<_>>(linker, |s| s)
}

impl example::plugin::host::Host for State {
    fn log(&mut self, msg: String) {
        println!("{msg}");
    }
}
