wasmtime::component::bindgen!({
    path: "wit",
    world: "plugin",
});

use exports::demo::kv::map::{Entry, Mode};

pub fn describe(e: &Entry, m: Mode) -> String {
    format!("{} ({} bytes, {:?})", e.key, e.map.len(), m)
}
