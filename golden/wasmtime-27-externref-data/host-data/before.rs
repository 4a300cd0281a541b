use wasmtime::{ExternRef, Rooted, Store};

pub fn label(store: &Store<()>, r: Rooted<ExternRef>) -> wasmtime::Result<String> {
    let data = r.data(store)?;
    Ok(data.downcast_ref::<String>().cloned().unwrap_or_default())
}
