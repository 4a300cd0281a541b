use wasmtime::{Engine, Store};

/// An arena of our own with a `gc()` method: not wasmtime's.
pub struct Arena {
    items: Vec<Option<u32>>,
}

impl Arena {
    pub fn gc(&mut self) {
        self.items.retain(|i| i.is_some());
    }
}

pub struct Host {
    pub store: Store<()>,
}

pub fn collect(engine: &Engine, arena: &mut Arena) {
    let mut store = Store::new(engine, ());
    store.gc(None);
    arena.gc();
    let mut arena2 = Arena { items: Vec::new() };
    arena2.gc();
}

impl Host {
    pub fn idle(&mut self) {
        self.store.gc(None);
    }

    pub async fn idle_async(&mut self) -> wasmtime::Result<()> {
        self.store.gc_async(None).await;
        Ok(())
    }
}
