use std::path::PathBuf;

use anyhow::Context;
use wasmtime::{Cache, Config, Engine, OptLevel};

pub struct Settings {
    pub cache: bool,
    pub cache_file: Option<PathBuf>,
}

pub fn build_engine(settings: &Settings) -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.cranelift_opt_level(OptLevel::Speed);
    if let Some(file) = &settings.cache_file {
        config.cache(Some(Cache::from_file(Some(file.as_ref())).context("loading the cache config")?));
    } else if settings.cache {
        config.cache(Some(Cache::from_file(None)?));
    } else {
        config.cache(None);
    }
    Engine::new(&config)
}

pub fn engine_for_tests() -> Engine {
    let mut config = Config::default();
    config.cache(Some(Cache::from_file(Some("cache.toml".as_ref())).expect("cache config")));
    config.cache(None).wasm_simd(true);
    Engine::new(&config).unwrap()
}
