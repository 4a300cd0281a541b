use wasmtime::{AnyRef, AsContextMut, Rooted, Store};

pub fn eq_of(store: &mut Store<()>, r: &Rooted<AnyRef>) -> wasmtime::Result<bool> {
    let direct = r.as_eqref(&mut *store)?.is_some();
    let via_ctx = r.as_eqref(store.as_context_mut())?.is_some();
    let _e = r.unwrap_eqref(&mut *store)?;
    Ok(direct && via_ctx)
}
