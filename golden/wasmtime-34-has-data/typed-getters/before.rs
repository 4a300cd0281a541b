use wasmtime::component::Linker;

mod more;

wasmtime::component::bindgen!({ world: "logger", path: "wit" });

pub struct Host {
    lines: Vec<String>,
}

pub struct State {
    host: Host,
}

/// The host borrowed from the store: the getter returns this wrapper, not `&mut` of a field.
pub struct Borrowed<'a>(&'a mut Host);

impl example::logging::sink::Host for Borrowed<'_> {
    fn log(&mut self, msg: String) {
        self.0.lines.push(msg);
    }
}

fn borrow(state: &mut State) -> Borrowed<'_> {
    Borrowed(&mut state.host)
}

/// Hands each linking function the one getter of this program.
pub trait LinkExt {
    fn link_borrowed(
        &mut self,
        add: fn(&mut Linker<State>, fn(&mut State) -> Borrowed<'_>) -> wasmtime::Result<()>,
    ) -> wasmtime::Result<()>;
}

impl LinkExt for Linker<State> {
    fn link_borrowed(
        &mut self,
        add: fn(&mut Linker<State>, fn(&mut State) -> Borrowed<'_>) -> wasmtime::Result<()>,
    ) -> wasmtime::Result<()> {
        add(self, borrow)
    }
}

pub fn link(linker: &mut Linker<State>) -> wasmtime::Result<()> {
    let get = borrow as fn(&mut State) -> Borrowed<'_>;
    example::logging::sink::add_to_linker_get_host(linker, get)?;
    linker.link_borrowed(example::logging::sink::add_to_linker_get_host)?;
    more::link_more(linker, get)
}
