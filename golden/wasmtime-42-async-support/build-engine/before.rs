use wasmtime::{Config, Engine};

pub fn build_engine(fuel: bool) -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.consume_fuel(fuel);

    Engine::new(&config)
}

pub fn builder_chain() -> wasmtime::Result<Engine> {
    Engine::new(wasmtime::Config::new().async_support(true).wasm_component_model(true))
}

/// Our own options type with a same-named method.
pub struct Options {
    pub asynchronous: bool,
}

impl Options {
    pub fn async_support(&mut self, on: bool) -> &mut Self {
        self.asynchronous = on;
        self
    }
}

pub fn options() -> Options {
    let mut opts = Options { asynchronous: false };
    opts.async_support(true);
    opts
}
