use wasmtime::component::{Resource, ResourceTable};
use wasmtime_wasi::InputStream;

/// Only ever names the boxed trait object.
pub fn push_input(
    table: &mut ResourceTable,
    stream: Box<dyn InputStream>,
) -> wasmtime::Result<Resource<Box<dyn InputStream>>> {
    Ok(table.push(stream)?)
}
