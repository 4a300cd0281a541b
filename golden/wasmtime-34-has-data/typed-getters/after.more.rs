use wasmtime::component::Linker;

use crate::{Borrowed, HasBorrowed};

pub fn link_more<T: 'static>(
    linker: &mut Linker<T>,
    getter: fn(&mut T) -> Borrowed<'_>,
) -> wasmtime::Result<()> {
    crate::example::logging::sink::add_to_linker::<_, HasBorrowed>(linker, getter)
}
