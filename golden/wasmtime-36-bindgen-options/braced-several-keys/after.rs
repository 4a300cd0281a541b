use wasmtime::component::{Component, Linker};
use wasmtime::{Config, Engine, Store};

wasmtime::component::bindgen!({
    world: "plugin-world",
    path: "wit",
    imports: { default: async | trappable | tracing },
    exports: { default: async | tracing },
});

pub struct HostState {
    pub log: Vec<String>,
}

impl example::plugin::host::Host for HostState {
    async fn log(&mut self, msg: String) -> wasmtime::Result<()> {
        self.log.push(msg);
        Ok(())
    }

    async fn fetch(&mut self, url: String) -> wasmtime::Result<Result<String, String>> {
        Ok(Err(format!("no network for {url}")))
    }
}

impl PluginWorldImports for HostState {
    async fn now(&mut self) -> wasmtime::Result<u64> {
        Ok(0)
    }
}

pub async fn run(bytes: &[u8], input: &str) -> wasmtime::Result<String> {
    let mut config = Config::new();
    config.async_support(true);
    let engine = Engine::new(&config)?;
    let component = Component::new(&engine, bytes)?;
    let mut linker = Linker::<HostState>::new(&engine);
    PluginWorld::add_to_linker::<_, wasmtime::component::HasSelf<_>>(&mut linker, |s| s)?;
    let mut store = Store::new(&engine, HostState { log: Vec::new() });
    let world = PluginWorld::instantiate_async(&mut store, &component, &linker).await?;
    world.example_plugin_plugin().call_run(&mut store, input).await
}
