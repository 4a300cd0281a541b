use std::path::PathBuf;

use anyhow::Context;
use wasmtime::{Config, Engine, OptLevel};

pub struct Settings {
    pub cache: bool,
    pub cache_file: Option<PathBuf>,
}

pub fn build_engine(settings: &Settings) -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.cranelift_opt_level(OptLevel::Speed);
    if let Some(file) = &settings.cache_file {
        config.cache_config_load(file).context("loading the cache config")?;
    } else if settings.cache {
        config.cache_config_load_default()?;
    } else {
        config.disable_cache();
    }
    Engine::new(&config)
}

pub fn engine_for_tests() -> Engine {
    let mut config = Config::default();
    config.cache_config_load("cache.toml").expect("cache config");
    config.disable_cache().wasm_simd(true);
    Engine::new(&config).unwrap()
}
