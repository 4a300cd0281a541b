use wasi_common::sync::{ambient_authority, Dir, WasiCtxBuilder};

pub fn with_dir(path: &str) -> wasmtime::Result<wasi_common::WasiCtx> {
    let dir = Dir::open_ambient_dir(path, ambient_authority())?;
    let ctx = WasiCtxBuilder::new().inherit_stdio().preopened_dir(dir, "/data")?.build();
    Ok(ctx)
}
