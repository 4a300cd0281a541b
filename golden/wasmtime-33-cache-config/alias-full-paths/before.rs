use wasmtime::{self as wt};

pub fn engine(cache_dir_config: &std::path::Path) -> anyhow::Result<wt::Engine> {
    let mut config = wasmtime::Config::new();
    config.cache_config_load(cache_dir_config.join("wasmtime-cache.toml"))?;
    Ok(wt::Engine::new(&config)?)
}
