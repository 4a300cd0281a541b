use wasmtime::component::ResourceTable;

/// Pushing and reading entries is unchanged at 50; only `iter_mut` is reported.
pub fn count() -> wasmtime::Result<u32> {
    let mut table = ResourceTable::new();
    let handle = table.push(7u32)?;
    Ok(*table.get(&handle)?)
}
