use wasmtime::{Config, Engine};

/// A settings object of our own with a same-named method.
pub struct HostSettings {
    pub cached: bool,
}

impl HostSettings {
    pub fn cache_config_load_default(&mut self) -> Result<&mut Self, String> {
        self.cached = true;
        Ok(self)
    }
}

pub fn build_engine(settings: &mut HostSettings) -> wasmtime::Result<Engine> {
    settings.cache_config_load_default().map_err(wasmtime::Error::msg)?;
    let mut config = Config::new();
    config.cache_config_load_default()?.wasm_simd(true);
    Engine::new(&config)
}
