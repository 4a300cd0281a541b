use {
    anyhow::Result,
    wasmtime_wasi::p2::{WasiCtx, WasiCtxBuilder},
};

pub fn build() -> Result<WasiCtx> {
    Ok(WasiCtxBuilder::new().inherit_stdio().build())
}

pub mod one_line {
    use {anyhow::Result, wasmtime_wasi::p2::{WasiCtx, WasiCtxBuilder}};

    pub fn build() -> Result<WasiCtx> {
        Ok(WasiCtxBuilder::new().build())
    }
}
