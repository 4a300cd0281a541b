use wasmtime_wasi_http::WasiHttpCtx;

/// No hand-built requests: nothing to report.
pub fn ctx() -> WasiHttpCtx {
    WasiHttpCtx::new()
}
