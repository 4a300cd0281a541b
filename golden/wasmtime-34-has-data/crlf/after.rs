use wasmtime::component::{HasData, HasSelf, Linker};

wasmtime::component::bindgen!({ world: "plugin-world", path: "wit" });

pub fn link<T: 'static>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    PluginWorld::add_to_linker::<_, HasSelf<_>>(linker, |s| s)
}
