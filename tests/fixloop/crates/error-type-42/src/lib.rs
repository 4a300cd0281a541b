//! Shapes wasmtime-42-error-type cannot see without types: anyhow values that reach a
//! `wasmtime::Result` through a local binding, and the reverse.
use wasmtime::{Engine, Module};

fn read(path: &str) -> std::io::Result<Vec<u8>> {
    std::fs::read(path)
}

pub fn bytes(path: &str) -> wasmtime::Result<Vec<u8>> {
    let loaded: anyhow::Result<Vec<u8>> = read(path).map_err(anyhow::Error::from);
    loaded
}

pub fn module(engine: &Engine, path: &str) -> wasmtime::Result<Module> {
    let loaded: anyhow::Result<Vec<u8>> = read(path).map_err(anyhow::Error::from);
    let b = loaded?;
    Module::new(engine, &b)
}

fn make(e: &Engine) -> wasmtime::Result<Engine> {
    Ok(e.clone())
}

pub fn engine() -> anyhow::Result<Engine> {
    let e = Engine::default();
    let made = make(&e);
    made
}
