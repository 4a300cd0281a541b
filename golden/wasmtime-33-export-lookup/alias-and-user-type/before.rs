use wasmtime::component::{self as wc};

/// A registry of our own with a 3-argument `get_export`: not wasmtime's.
pub struct Registry;

impl Registry {
    pub fn get_export(&self, _ns: &str, _pkg: &str, name: &str) -> Option<String> {
        Some(name.to_string())
    }
}

pub fn lookup(
    store: &mut wasmtime::Store<()>,
    instance: &wc::Instance,
    registry: &Registry,
) -> Option<(wc::ComponentExportIndex, String)> {
    let idx = instance.get_export(&mut *store, None, "greet")?;
    let label = registry.get_export("my", "plugin", "greet")?;
    Some((idx, label))
}
