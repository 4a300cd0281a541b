use wasmtime::component::Component;
use wasmtime::{Instance, Store};

/// Core instance exports take a store; a component's own get_export takes an index: both unchanged.
pub fn core_exports(store: &mut Store<()>, instance: &Instance) -> usize {
    instance.exports(&mut *store).count()
}

pub fn run_index(component: &Component) -> bool {
    component.get_export(None, "run").is_some()
}
