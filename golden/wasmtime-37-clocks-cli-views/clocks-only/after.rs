use wasmtime_wasi::clocks::{WasiClocksCtx, WasiClocksView};

/// A host that links only wasi:clocks, with its own clock sources.
pub struct ClockHost {
    clocks: WasiClocksCtx,
}

impl WasiClocksView for ClockHost {
    fn clocks(&mut self) -> &mut WasiClocksCtx {
        &mut self.clocks
    }
}

pub fn host() -> ClockHost {
    ClockHost {
        clocks: WasiClocksCtx {
            wall_clock: wasmtime_wasi::clocks::wall_clock(),
            monotonic_clock: wasmtime_wasi::clocks::monotonic_clock(),
        },
    }
}
