use wasmtime::{Ref, Store, Table};

/// The first slot of a funcref table, if it is set.
pub fn first(store: &mut Store<()>, table: &Table) -> Option<Ref> {
    table.get(&mut *store, 0)
}

pub fn slots(store: &Store<()>, table: &Table) -> usize {
    table.size(store) as usize
}

/// A map lookup by the same method name is not what the report is about.
pub fn lookup(m: &std::collections::HashMap<u32, u32>) -> Option<&u32> {
    m.get(&0)
}
