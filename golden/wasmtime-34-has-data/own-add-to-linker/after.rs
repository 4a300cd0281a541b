use wasmtime::component::Linker;
use wasmtime::Engine;

pub mod plugins {
    use wasmtime::component::{HasSelf, Linker};

    wasmtime::component::bindgen!({ world: "plugin-world", path: "wit" });

    pub struct Logger;

    impl example::plugin::host::Host for Logger {
        fn log(&mut self, msg: String) {
            println!("{msg}");
        }
    }

    // the project's own helper beside the bindgen!: its signature is the project's to choose
    pub fn add_to_linker<T: 'static>(linker: &mut Linker<T>, get: fn(&mut T) -> &mut Logger) -> wasmtime::Result<()> {
        example::plugin::host::add_to_linker::<_, HasSelf<_>>(linker, get)
    }
}

pub struct Host {
    pub logger: plugins::Logger,
}

pub fn link(engine: &Engine) -> wasmtime::Result<Linker<Host>> {
    let mut linker = Linker::new(engine);
    plugins::add_to_linker(&mut linker, |s: &mut Host| &mut s.logger)?;
    Ok(linker)
}
