use wasmtime::component::{Component, Linker};
use wasmtime::{Engine, Store};

wasmtime::component::bindgen!({ world: "plugin-world", path: "wit" });

pub struct Host {
    pub logger: Logger,
}

pub struct Logger;

impl example::plugin::host::Host for Logger {
    fn log(&mut self, msg: String) {
        println!("{msg}");
    }
}

pub fn link(engine: &Engine) -> wasmtime::Result<Linker<Host>> {
    let mut linker = Linker::new(engine);
    example::plugin::host::add_to_linker(&mut linker, |s: &mut Host| &mut s.logger)?;
    Ok(linker)
}

pub fn load(engine: &Engine, bytes: &[u8]) -> wasmtime::Result<(Component, Store<()>)> {
    Ok((Component::new(engine, bytes)?, Store::new(engine, ())))
}
