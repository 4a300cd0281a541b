use wasmtime::component::Linker;
use wasmtime_wasi::p2::bindings::LinkOptions;
use wasmtime_wasi::p2::WasiView;

pub fn link<T: WasiView + 'static>(linker: &mut Linker<T>, exit_codes: bool) -> wasmtime::Result<()> {
    let mut options = LinkOptions::default();
    options.cli_exit_with_code(exit_codes);
    wasmtime_wasi::p2::add_to_linker_with_options_async(linker, &options)
}
