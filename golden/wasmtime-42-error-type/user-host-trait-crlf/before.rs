use anyhow::Result;

/// The project's own host trait: same name as bindgen's, must not change.
pub trait Host {
    fn ping(&mut self) -> Result<u32>;
}

pub struct Pinger;

impl Host for Pinger {
    fn ping(&mut self) -> Result<u32> {
        anyhow::ensure!(true, "never");
        Ok(1)
    }
}

pub fn engine() -> wasmtime::Result<wasmtime::Engine> {
    let cfg = wasmtime::Config::new();
    if false {
        anyhow::bail!("unreachable");
    }
    wasmtime::Engine::new(&cfg)
}
