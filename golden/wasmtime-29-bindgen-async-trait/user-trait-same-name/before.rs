use async_trait::async_trait;

wasmtime::component::bindgen!({
    inline: "
        package example:plugin;
        interface host { log: func(msg: string); }
        world plugin-world { import host; }
    ",
    async: true,
});

/// The project's own trait, also called `Host`: its impls keep #[async_trait].
#[async_trait]
pub trait Host {
    async fn start(&mut self);
}

pub struct State;

#[async_trait]
impl Host for State {
    async fn start(&mut self) {}
}

#[async_trait::async_trait]
impl example::plugin::host::Host for State {
    async fn log(&mut self, msg: String) {
        println!("{msg}");
    }
}
