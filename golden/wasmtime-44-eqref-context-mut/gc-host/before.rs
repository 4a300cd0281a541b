use wasmtime::{AnyRef, AsContext, Rooted, Store};

pub fn is_eq(store: &Store<()>, r: &Rooted<AnyRef>) -> wasmtime::Result<bool> {
    Ok(r.as_eqref(store)?.is_some())
}

pub fn is_eq_ctx(store: &mut Store<()>, r: &Rooted<AnyRef>) -> wasmtime::Result<bool> {
    Ok(r.as_eqref(store.as_context())?.is_some())
}

pub fn is_eq_owned(store: Store<()>, r: &Rooted<AnyRef>) -> wasmtime::Result<bool> {
    Ok(r.as_eqref(&store)?.is_some())
}
