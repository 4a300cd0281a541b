use wasmtime::component::{Component, Linker};
use wasmtime::{Config, Engine, Store};

pub struct Plugin;

/// The app uses anyhow; wasmtime errors convert into it with `?`.
pub fn instantiate(bytes: &[u8]) -> anyhow::Result<()> {
    let engine = Engine::new(&Config::new())?;
    let component = Component::new(&engine, bytes)?;
    let linker = Linker::<Plugin>::new(&engine);
    let mut store = Store::new(&engine, Plugin);
    linker.instantiate(&mut store, &component)?;
    Ok(())
}
