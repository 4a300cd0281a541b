use async_trait::async_trait;

pub mod bindings {
    wasmtime::component::bindgen!({
        inline: "
            package example:msg;
            interface types { topic: func() -> string; }
            world host { import types; }
        ",
        async: true,
    });
}

/// The project's own trait named like the generated one, defined here at the crate root: kept.
#[async_trait]
pub trait Host {
    async fn start(&mut self);
}

pub struct Ctx;

#[async_trait]
impl crate::Host for Ctx {
    async fn start(&mut self) {}
}

// a crate-relative path into the bindgen output, not to the trait above
#[async_trait]
impl crate::bindings::example::msg::types::Host for Ctx {
    async fn topic(&mut self) -> String {
        String::new()
    }
}
