use wasmtime::component::{Accessor, AccessorTask};

/// A background job spawned from a host function.
pub struct Flush;

impl<T: Send + 'static> AccessorTask<T, wasmtime::component::HasSelf<T>> for Flush {
    async fn run(self, _accessor: &Accessor<T, wasmtime::component::HasSelf<T>>) -> wasmtime::Result<()> {
        Ok(())
    }
}
