use wasmtime::component::Linker;

use crate::Borrowed;

pub fn link_more<T: 'static>(
    linker: &mut Linker<T>,
    getter: fn(&mut T) -> Borrowed<'_>,
) -> wasmtime::Result<()> {
    crate::example::logging::sink::add_to_linker_get_host(linker, getter)
}
