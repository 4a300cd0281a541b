use wasmtime::component::{HasSelf, Linker};
use wasmtime_wasi::p2::bindings;

/// Linking only cli/exit, with its own options value.
pub struct Host;

pub fn link_exit_only(linker: &mut Linker<Host>) -> wasmtime::Result<()> {
    let mut options = bindings::cli::exit::LinkOptions::default();
    options.cli_exit_with_code(true);
    bindings::cli::exit::add_to_linker::<Host, HasSelf<Host>>(linker, &options, |h| h)
}
