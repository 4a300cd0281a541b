use {anyhow::Result, wasmtime::component::Linker};

wasmtime::component::bindgen!({
    inline: "
        package example:plugin;
        interface host { log: func(msg: string); }
        world plugin-world { import host; }
    ",
    async: true,
});

pub struct State;

impl example::plugin::host::Host for State {
    async fn log(&mut self, msg: String) {
        println!("{msg}");
    }
}

pub fn link(linker: &mut Linker<State>) -> Result<()> {
    PluginWorld::add_to_linker(linker, |s| s)
}
