use wasmtime::component::{Accessor, AccessorTask, HasSelf, WasmList};
use wasmtime::{AsContextMut, Store};

pub struct Ticker;

impl AccessorTask<(), HasSelf<()>> for Ticker {
    async fn run(self, _accessor: &Accessor<()>) -> wasmtime::Result<()> {
        Ok(())
    }
}

pub fn start(store: &mut Store<()>) -> wasmtime::Result<()> {
    let handle = store.spawn(Ticker);
    handle.abort();
    store.spawn(Ticker);
    Ok(())
}

pub fn depth(store: &mut Store<()>) -> usize {
    store.as_context_mut().async_call_stack().count()
}

pub fn sum(store: &mut Store<()>, list: &WasmList<u32>) -> wasmtime::Result<u32> {
    let mut total = 0;
    for item in list.iter(&mut *store) {
        total += item?;
    }
    Ok(total)
}
