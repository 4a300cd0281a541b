use std::path::PathBuf;

use wasmtime::{Cache, Config, Engine};

/// Engine settings of the host: an optional cache configuration file.
pub struct Settings {
    pub cache_file: Option<PathBuf>,
}

pub fn engine(settings: &Settings) -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    match &settings.cache_file {
        Some(p) => config.cache(Some(Cache::from_file(Some(p.as_ref()))?)),
        None => config.cache(Some(Cache::from_file(None)?)),
    };
    Engine::new(&config)
}
