use wasmtime_wasi::{RngCore, WasiCtx, WasiCtxBuilder};
use wasmtime_wasi::random::Deterministic;

/// Guests get reproducible "random" bytes in tests.
pub fn test_ctx(seed: Vec<u8>) -> WasiCtx {
    WasiCtxBuilder::new()
        .insecure_random(Deterministic::new(seed.clone()))
        .secure_random(Deterministic::new(seed))
        .build()
}

pub fn draw(rng: &mut dyn RngCore) -> u64 {
    rng.next_u64()
}

pub fn boxed() -> Box<dyn wasmtime_wasi::RngCore + Send> {
    wasmtime_wasi::thread_rng()
}
