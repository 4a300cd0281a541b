use wasmtime::component::Linker;

wasmtime::component::bindgen!({ world: "logger", path: "wit" });

/// A plugin owns some per-instance state that the store data hands out.
pub trait Plugin: 'static {
    type State: Send + 'static;
}

pub type PluginState<P> = <P as Plugin>::State;

/// What a plugin gets while linking: the linker and a helper to link generated bindings.
pub trait LinkContext<P: Plugin> {
    type Data: Send + 'static;

    fn linker(&mut self) -> &mut Linker<Self::Data>;

    fn state(data: &mut Self::Data) -> &mut PluginState<P>;

    fn link_bindings(
        &mut self,
        add_to_linker: impl Fn(
            &mut Linker<Self::Data>,
            fn(&mut Self::Data) -> &mut PluginState<P>,
        ) -> wasmtime::Result<()>,
    ) -> wasmtime::Result<()> {
        add_to_linker(self.linker(), Self::state)
    }
}

pub struct Logs {
    lines: Vec<String>,
}

impl example::logging::sink::Host for Logs {
    fn log(&mut self, msg: String) {
        self.lines.push(msg);
    }
}

pub struct LogPlugin;

impl Plugin for LogPlugin {
    type State = Logs;
}

impl LogPlugin {
    pub fn init(&self, ctx: &mut impl LinkContext<Self>) -> wasmtime::Result<()> {
        ctx.link_bindings(example::logging::sink::add_to_linker)?;
        Ok(())
    }
}
