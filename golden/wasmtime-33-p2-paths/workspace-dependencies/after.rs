pub use wasmtime_wasi::p2::WasiCtxBuilder;
