use wasmtime_wasi::{DirPerms, FilePerms, WasiCtx, WasiCtxBuilder};

pub fn sandbox(data: &str, cache: &str) -> wasmtime::Result<WasiCtx> {
    let mut b = WasiCtxBuilder::new();
    b.preopened_dir(data, "/data", DirPerms::READ, FilePerms::READ)?;
    b.preopened_dir(cache, "/cache", DirPerms::all(), FilePerms::all())?;
    b.preopened_dir(
        "/tmp",
        "/tmp",
        DirPerms::READ | DirPerms::MUTATE,
        FilePerms::READ | FilePerms::WRITE,
    )?;
    Ok(b.build())
}

pub fn full_paths() -> wasmtime::Result<WasiCtx> {
    let ctx = WasiCtx::builder()
        .preopened_dir(".", ".", wasmtime_wasi::DirPerms::all(), wasmtime_wasi::FilePerms::all())?
        .build();
    Ok(ctx)
}
