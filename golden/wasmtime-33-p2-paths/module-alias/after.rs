use wasmtime::component::Linker;
use wasmtime_wasi::{self as wasi_preview2};

pub async fn setup<T: wasi_preview2::p2::WasiView>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    wasi_preview2::p2::add_to_linker_async(linker)?;
    let _perms = wasi_preview2::DirPerms::all();
    Ok(())
}
