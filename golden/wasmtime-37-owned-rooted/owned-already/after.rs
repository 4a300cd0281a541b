use wasmtime::{ExternRef, OwnedRooted, Rooted, Store};

/// Written for 37 (OwnedRooted, dropped to unroot): nothing changes.
pub fn keep(store: &mut Store<()>, r: Rooted<ExternRef>) -> wasmtime::Result<OwnedRooted<ExternRef>> {
    r.to_owned_rooted(&mut *store)
}
