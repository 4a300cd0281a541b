use wasmtime::component::ResourceTable;

/// Count live host resources of one type.
pub fn count_strings(table: &mut ResourceTable) -> usize {
    table.iter_mut().filter(|e| e.is::<String>()).count()
}
