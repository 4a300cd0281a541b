use wasmtime::component::HasSelf;

wasmtime::component::bindgen!("plugin-world" in "wit");

pub struct State;

pub fn link(linker: &mut wasmtime::component::Linker<State>) -> wasmtime::Result<()> {
    PluginWorld::add_to_linker::<_, HasSelf<_>>(linker, |s| s)
}

impl example::plugin::host::Host for State {
    fn log(&mut self, msg: String) {
        println!("{msg}");
    }
}
