use wasmtime::component::{Accessor, AccessorTask, FutureReader, HasSelf, Val};
use wasmtime::StoreContextMut;

/// A background task with an explicit result type (40 shape).
pub struct Tick;

impl<T: Send + 'static> AccessorTask<T, HasSelf<T>, wasmtime::Result<()>> for Tick {
    async fn run(self, _accessor: &Accessor<T, HasSelf<T>>) -> wasmtime::Result<()> {
        Ok(())
    }
}

pub fn to_val(reader: FutureReader<u32>) -> Val {
    reader.into_val()
}

pub fn from_val(store: StoreContextMut<'_, ()>, v: &Val) -> wasmtime::Result<FutureReader<u32>> {
    FutureReader::from_val(store, v)
}
