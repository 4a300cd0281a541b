wasmtime::component::bindgen!({ world: "plugin-world", path: "wit" });

/// Untouched by this step.
pub struct State;

impl example::plugin::host::Host for State {
    fn log(&mut self, msg: String) {
        println!("{msg}");
    }
}
