use wasmtime::{Engine, Store, StoreContextMut};

pub fn run_gc(engine: &Engine) -> wasmtime::Result<()> {
    let mut store = Store::new(engine, ());
    store.gc(None);
    Ok(())
}

pub fn collect_ctx(mut cx: StoreContextMut<'_, ()>) -> anyhow::Result<()> {
    cx.gc(None);
    Ok(())
}

pub fn idle(store: &mut Store<()>) {
    store.gc(None);
}
