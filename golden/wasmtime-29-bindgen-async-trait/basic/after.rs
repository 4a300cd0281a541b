use async_trait::async_trait;
use wasmtime_wasi::Subscribe;

wasmtime::component::bindgen!({
    inline: "
        package example:plugin;
        interface host { log: func(msg: string); }
        world plugin-world { import host; }
    ",
    async: true,
});

pub struct State;

impl example::plugin::host::Host for State {
    async fn log(&mut self, msg: String) {
        println!("{msg}");
    }
}

pub struct Ticker;

// wasmtime-wasi's own trait: still #[async_trait] at 29
#[async_trait]
impl Subscribe for Ticker {
    async fn ready(&mut self) {}
}
