use wasmtime::{Extern, Store};

/// Something else with a three-argument `get`: left alone when its type is known, reported when not.
pub struct Registry;

impl Registry {
    pub fn get(&self, _store: &mut Store<()>, _module: &str, _name: &str) -> Option<Extern> {
        None
    }
}

pub fn lookup(reg: &Registry, store: &mut Store<()>) -> Option<Extern> {
    reg.get(store, "env", "memory")
}

pub fn lookup_all(regs: &[Registry], store: &mut Store<()>) -> Option<Extern> {
    regs[0].get(store, "env", "table")
}
