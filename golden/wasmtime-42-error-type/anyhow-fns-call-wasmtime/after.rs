use anyhow::{Context, Result};
use wasmtime::component::Component;
use wasmtime::{Config, Engine, Module};

pub fn load(engine: &Engine, path: &str) -> Result<Component> {
    let component = Component::from_file(engine, path).map_err(anyhow::Error::from)
        .with_context(|| format!("failed to load component {path}"))?;
    Ok(component)
}

pub fn load_core(engine: &Engine, bytes: &[u8]) -> anyhow::Result<Module> {
    let module = wasmtime::Module::new(engine, bytes).map_err(anyhow::Error::from).context("bad module")?;
    Ok(module)
}

pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.wasm_component_model(true);
    Ok(Engine::new(&config)?)
}

pub fn already_fine(engine: &Engine, path: &str) -> Result<Component> {
    let c = Component::from_file(engine, path)?;
    Ok(c)
}

// A same-named user type is not wasmtime's.
mod mine {
    pub struct Engine;
    impl Engine {
        pub fn new(_: u32) -> anyhow::Result<Engine> {
            Ok(Engine)
        }
    }
    pub fn make() -> anyhow::Result<Engine> {
        Engine::new(1)
    }
}
