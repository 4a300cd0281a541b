use wasmtime::component::{Instance, Val};
use wasmtime::{AsContext, AsContextMut};

/// Calls an export on whatever store the caller has (a `Store`, a `StoreContextMut`, a `Caller`).
pub fn call_export<T>(mut store: impl AsContextMut<Data = T>, instance: &Instance, name: &str) -> wasmtime::Result<Vec<Val>>
where
    T: Send + 'static,
{
    let func = instance
        .get_func(&mut store, name)
        .ok_or_else(|| wasmtime::Error::msg("no such export"))?;
    let mut results = vec![Val::Bool(false); func.results(&store).len()];
    func.call(&mut store, &[], &mut results)?;
    func.post_return(&mut store)?;
    Ok(results)
}

/// Reads the store's fuel through any context.
pub fn fuel_left<S, T: 'static>(store: &S) -> wasmtime::Result<u64>
where
    S: AsContext<Data = T>,
{
    store.as_context().get_fuel()
}
