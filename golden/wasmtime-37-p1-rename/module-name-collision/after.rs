// The crate has its own `p1` module, so the import keeps its old name.
mod p1 {
    pub fn banner() -> &'static str {
        "p1 runner"
    }
}

use wasmtime_wasi::p1 as preview1;

pub fn link(linker: &mut wasmtime::Linker<preview1::WasiP1Ctx>) -> wasmtime::Result<()> {
    println!("{}", p1::banner());
    preview1::add_to_linker_sync(linker, |cx| cx)
}
