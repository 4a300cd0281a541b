use wasmtime::{Config, Engine};

/// A project type with the same method names is not a wasmtime Config.
pub struct Tuning;

impl Tuning {
    pub fn compiler_inlining(&mut self, _on: bool) -> &mut Self {
        self
    }
}

pub fn engine(inline: bool, tuning: &mut Tuning) -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.compiler_inlining(inline);
    tuning.compiler_inlining(true);
    Engine::new(&config)
}
