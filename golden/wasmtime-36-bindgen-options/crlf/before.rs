use wasmtime::component::*;

bindgen!({
    world: "plugin",
    path: "wit",
    trappable_imports: ["flush"],
    tracing: true,
});

pub struct Host;

impl acme::plugin::host::Host for Host {
    fn log(&mut self, level: u8, msg: String) {
        println!("[{level}] {msg}");
    }

    fn flush(&mut self) -> wasmtime::Result<()> {
        Ok(())
    }
}

pub fn linker(engine: &wasmtime::Engine) -> wasmtime::Result<Linker<Host>> {
    let mut linker = Linker::new(engine);
    Plugin::add_to_linker::<_, HasSelf<_>>(&mut linker, |h| h)?;
    Ok(linker)
}
