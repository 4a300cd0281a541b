use cap_std::ambient_authority;
use wasmtime_wasi::clocks::{MonotonicClock, WallClock};
use wasmtime_wasi::{WasiCtx, WasiCtxBuilder};

/// A context with wasmtime-wasi's own clocks passed explicitly (to wrap them later).
pub fn ctx() -> WasiCtx {
    let wall = WallClock::new(ambient_authority());
    let mono = wasmtime_wasi::clocks::MonotonicClock::new(cap_std::ambient_authority());
    let _other = MonotonicClock::new(ambient_authority());
    WasiCtxBuilder::new().wall_clock(wall).monotonic_clock(mono).build()
}
