use wasmtime::component::bindgen;

/// Records which selectors the host configures; unrelated to wasmtime's `bindgen!`.
macro_rules! bindgen {
    ({ imports: { $($sel:literal: $flag:ident),* $(,)? } }) => {
        pub const SELECTORS: &[&str] = &[$($sel),*];
    };
    ($world:literal in $path:literal) => {
        wasmtime::component::bindgen!($world in $path);
    };
}

bindgen!({ imports: { "example:app/env/var": trappable } });

bindgen!("app" in "wit");

pub struct Env;

impl example::app::env::Host for Env {
    fn var(&mut self, name: String) -> Option<String> {
        std::env::var(name).ok()
    }
}
