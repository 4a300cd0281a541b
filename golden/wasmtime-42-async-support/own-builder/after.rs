use wasmtime::{Config, Engine};

// the project's own builder has an `async_support` too: only wasmtime's `Config` changes
pub struct RuntimeBuilder {
    async_support: bool,
    fuel: bool,
}

impl RuntimeBuilder {
    pub fn new() -> Self {
        Self { async_support: false, fuel: false }
    }

    pub fn async_support(mut self, on: bool) -> Self {
        self.async_support = on;
        self
    }

    pub fn fuel(mut self, on: bool) -> Self {
        self.fuel = on;
        self
    }

    pub fn build(self) -> wasmtime::Result<Engine> {
        let mut config = Config::new();
        config.consume_fuel(self.fuel);
        Engine::new(&config)
    }
}

impl Default for RuntimeBuilder {
    fn default() -> Self {
        Self::new()
    }
}

pub fn runtime(builder: RuntimeBuilder) -> wasmtime::Result<Engine> {
    let builder = builder.async_support(true);
    builder.fuel(false).build()
}

pub fn from_settings(on: bool) -> wasmtime::Result<Engine> {
    let mut b = make_builder();
    b = b.async_support(on);
    b.build()
}

fn make_builder() -> RuntimeBuilder {
    RuntimeBuilder::new()
}

pub struct Settings {
    pub builder: RuntimeBuilder,
}

pub fn tuned(settings: Settings) -> RuntimeBuilder {
    settings.builder.async_support(true)
}
