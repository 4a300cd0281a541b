use std::path::Path;

use wasmtime::{Config, Engine, Precompiled};

pub struct Loader {
    engine: Engine,
}

impl Loader {
    pub fn new() -> wasmtime::Result<Self> {
        let engine = Engine::new(&Config::new())?;
        Ok(Self { engine })
    }

    pub fn kind_of(&self, bytes: &[u8]) -> Option<Precompiled> {
        Engine::detect_precompiled(bytes)
    }

    pub fn is_precompiled_file(&self, path: &Path) -> wasmtime::Result<bool> {
        Ok(Engine::detect_precompiled_file(path)?.is_some())
    }
}

pub fn sniff(engine: &Engine, bytes: &[u8]) -> &'static str {
    match Engine::detect_precompiled(&bytes) {
        Some(Precompiled::Module) => "module",
        Some(Precompiled::Component) => "component",
        None => "wasm",
    }
}
