// A helper of this crate that happens to be called `bindgen!`: not wasmtime's macro.
macro_rules! bindgen {
    ({ $($key:tt: $val:expr),* $(,)? }) => {
        pub const OPTIONS: &[&str] = &[$(stringify!($key)),*];
    };
}

bindgen!({ async: true, tracing: false });

wasmtime::component::bindgen!({
    world: "app",
    async: true,
});

pub struct Env;

impl example::app::env::Host for Env {
    async fn var(&mut self, name: String) -> Option<String> {
        std::env::var(name).ok()
    }
}
