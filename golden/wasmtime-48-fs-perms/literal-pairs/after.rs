use wasmtime_wasi::{FsPerms, WasiCtx, WasiCtxBuilder};

pub fn sandbox(data: &str, cache: &str) -> wasmtime::Result<WasiCtx> {
    let mut b = WasiCtxBuilder::new();
    b.preopened_dir(data, "/data", FsPerms::ReadOnly)?;
    b.preopened_dir(cache, "/cache", FsPerms::ReadWrite)?;
    b.preopened_dir(
        "/tmp",
        "/tmp",
        FsPerms::ReadWrite,
    )?;
    Ok(b.build())
}

pub fn full_paths() -> wasmtime::Result<WasiCtx> {
    let ctx = WasiCtx::builder()
        .preopened_dir(".", ".", FsPerms::ReadWrite)?
        .build();
    Ok(ctx)
}
