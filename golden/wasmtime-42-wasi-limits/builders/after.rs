use wasmtime_wasi::{WasiCtx, WasiCtxBuilder};

pub fn ctx(args: &[String]) -> WasiCtx {
    let mut builder = WasiCtxBuilder::new();
    builder.inherit_stdio().args(args);
    builder.build()
}

/// A user type with a `new` of its own is not a WASI builder.
pub struct Builder;

impl Builder {
    pub fn new() -> Self {
        Builder
    }
}

pub fn mine() -> Builder {
    Builder::new()
}
