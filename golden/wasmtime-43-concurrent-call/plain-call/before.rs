use wasmtime::component::TypedFunc;
use wasmtime::Store;

/// Ordinary async calls: nothing to report.
pub async fn call(store: &mut Store<()>, f: TypedFunc<(u32,), (u32,)>) -> wasmtime::Result<u32> {
    let (n,) = f.call_async(&mut *store, (1,)).await?;
    Ok(n)
}
