use wasmtime::{ExternRef, OwnedRooted, Rooted, Store};

/// Keep host objects alive across calls as manually rooted externrefs.
pub struct Cache {
    items: Vec<OwnedRooted<ExternRef>>,
}

impl Cache {
    pub fn keep(&mut self, store: &mut Store<()>, r: Rooted<ExternRef>) -> wasmtime::Result<()> {
        let root = r.to_owned_rooted(&mut *store)?;
        self.items.push(root);
        Ok(())
    }

    pub fn clear(&mut self, store: &mut Store<()>) {
        for root in self.items.drain(..) {
            root.unroot(&mut *store);
        }
    }
}
