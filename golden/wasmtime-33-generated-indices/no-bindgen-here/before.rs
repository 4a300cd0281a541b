//! No `bindgen!` in this crate: the indices come from wasmtime-wasi's own bindings.
use wasmtime::component::Component;
use wasmtime_wasi::bindings::CommandIndices;

/// Is this component a WASI command? (its `run` export resolves)
pub fn is_command(component: &Component) -> bool {
    CommandIndices::new(component).is_ok()
}
