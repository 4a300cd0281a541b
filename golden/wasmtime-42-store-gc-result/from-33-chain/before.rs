use wasmtime::{Config, Engine, Store};

pub struct Host {
    store: Store<u32>,
}

impl Host {
    pub fn new() -> wasmtime::Result<Self> {
        let engine = Engine::new(&Config::new())?;
        Ok(Host { store: Store::new(&engine, 0) })
    }

    pub fn collect(&mut self) -> wasmtime::Result<()> {
        self.store.gc();
        Ok(())
    }
}
