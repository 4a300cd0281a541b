use wasmtime_wasi::clocks::WasiClocksCtx as ClockSources;

/// The context struct under a name of the program's own: the literal is still a literal of it.
pub fn clocks() -> ClockSources {
    ClockSources {
        wall_clock: wasmtime_wasi::clocks::wall_clock(),
        monotonic_clock: wasmtime_wasi::clocks::monotonic_clock(),
    }
}

/// A type whose name only contains a context's name is not one.
pub struct IpNetwork {
    pub prefix: u8,
}

pub fn network() -> IpNetwork {
    IpNetwork { prefix: 24 }
}
