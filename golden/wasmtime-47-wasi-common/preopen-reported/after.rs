use wasmtime_wasi::WasiCtxBuilder;

pub fn with_dir(path: &str) -> wasmtime::Result<wasmtime_wasi::p1::WasiP1Ctx> {
    let dir = Dir::open_ambient_dir(path, ambient_authority())?;
    let ctx = WasiCtxBuilder::new().inherit_stdio().preopened_dir(dir, "/data")?.build_p1();
    Ok(ctx)
}
