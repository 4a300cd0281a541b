use std::path::PathBuf;

use wasmtime::{Config, Engine};

/// Engine settings of the host: an optional cache configuration file.
pub struct Settings {
    pub cache_file: Option<PathBuf>,
}

pub fn engine(settings: &Settings) -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    match &settings.cache_file {
        Some(p) => config.cache_config_load(p)?,
        None => config.cache_config_load_default()?,
    };
    Engine::new(&config)
}
