use wasmtime::component::{HasSelf, Linker};

wasmtime::component::bindgen!({ world: "logger", path: "wit" });

pub struct Host;

impl example::logging::sink::Host for Host {
    fn log(&mut self, msg: String) {
        println!("{msg}");
    }
}

/// A registry that hands each interface's generated linking function its getter.
pub struct Registry<'a, T: 'static> {
    linker: &'a mut Linker<T>,
}

impl<T: 'static> Registry<'_, T> {
    pub fn link<F>(&mut self, add: F) -> wasmtime::Result<()>
    where
        F: FnOnce(&mut Linker<T>, fn(&mut T) -> &mut T) -> wasmtime::Result<()>,
    {
        add(self.linker, |t| t)
    }
}

mod local {
    use wasmtime::component::Linker;

    /// The program's own linking function: not generated, left alone.
    pub fn add_to_linker<T: 'static>(_linker: &mut Linker<T>, _get: fn(&mut T) -> &mut T) -> wasmtime::Result<()> {
        Ok(())
    }
}

pub fn setup(registry: &mut Registry<'_, Host>) -> wasmtime::Result<()> {
    registry.link(example::logging::sink::add_to_linker::<_, HasSelf<_>>)?;
    registry.link(local::add_to_linker)?;
    Ok(())
}
