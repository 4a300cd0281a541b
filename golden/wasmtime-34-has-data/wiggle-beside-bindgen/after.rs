use wasmtime::component::HasSelf;

pub mod abi;

wasmtime::component::bindgen!({
    inline: "
        package example:plugin;
        interface host { log: func(msg: string); }
        world plugin-world { import host; }
    ",
});

pub struct Host {
    pub session: abi::Session,
}

impl example::plugin::host::Host for Host {
    fn log(&mut self, msg: String) {
        println!("{msg}");
    }
}

pub fn link_component(linker: &mut wasmtime::component::Linker<Host>) -> wasmtime::Result<()> {
    example::plugin::host::add_to_linker::<_, HasSelf<_>>(linker, |h| h)
}

pub fn link_core(linker: &mut wasmtime::Linker<Host>) -> anyhow::Result<()> {
    abi::api::add_to_linker(linker, |h: &mut Host| &mut h.session)
}
