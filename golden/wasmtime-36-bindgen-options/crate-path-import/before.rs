use wasmtime::component::bindgen;

pub mod app {
    use super::bindgen;

    bindgen!({ world: "app", async: true });
}

pub struct Env;

impl app::example::app::env::Host for Env {
    async fn var(&mut self, name: String) -> Option<String> {
        std::env::var(name).ok()
    }
}
