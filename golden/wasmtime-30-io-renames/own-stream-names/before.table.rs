use wasmtime::component::{Resource, ResourceTable};
use wasmtime_wasi::HostInputStream;

/// Only ever names the boxed trait object.
pub fn push_input(
    table: &mut ResourceTable,
    stream: Box<dyn HostInputStream>,
) -> wasmtime::Result<Resource<Box<dyn HostInputStream>>> {
    Ok(table.push(stream)?)
}
