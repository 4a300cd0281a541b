pub use wasmtime_wasi::WasiCtxBuilder;
