use wasmtime::component::{Accessor, AccessorTask};

/// A task written for 41 already (no result parameter): nothing to report.
pub struct Tick;

impl<T: Send + 'static> AccessorTask<T> for Tick {
    async fn run(self, _accessor: &Accessor<T>) -> wasmtime::Result<()> {
        Ok(())
    }
}
