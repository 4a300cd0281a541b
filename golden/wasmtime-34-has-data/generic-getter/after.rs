use wasmtime::component::Linker;

wasmtime::component::bindgen!({ world: "logger", path: "wit" });

/// A host over any store data: its getter's type names the fn's own `T` (and an elided lifetime),
/// so no standalone `HasData` struct can be written for it.
pub struct Wrap<T>(T);

impl<T: Send> example::logging::sink::Host for Wrap<&mut T> {
    fn log(&mut self, _msg: String) {}
}

pub fn link<T: Send + 'static>(linker: &mut Linker<T>, get: fn(&mut T) -> Wrap<&mut T>) -> wasmtime::Result<()> {
    example::logging::sink::add_to_linker_get_host(linker, get)
}
