use wasmtime::{self as wt};

pub fn engine(cache_dir_config: &std::path::Path) -> anyhow::Result<wt::Engine> {
    let mut config = wasmtime::Config::new();
    config.cache(Some(wt::Cache::from_file(Some(cache_dir_config.join("wasmtime-cache.toml").as_ref()))?));
    Ok(wt::Engine::new(&config)?)
}
