use wasmtime::component::Linker;

wasmtime::component::bindgen!({ world: "plugin-world", path: "wit" });

pub struct State {
    pub host: HostImpl,
}

pub struct HostImpl;
pub struct Wrapper<'a>(&'a mut HostImpl);

pub fn link(linker: &mut Linker<State>) -> wasmtime::Result<()> {
    PluginWorld::add_to_linker(linker, |s| Wrapper(&mut s.host))?;
    // already migrated: left alone
    PluginWorld::add_to_linker::<_, wasmtime::component::HasSelf<_>>(linker, |s| s)?;
    Ok(())
}
