use wasmtime_wasi::{WasiCtx, WasiCtxBuilder};

/// A networked guest (an HTTP client written against wasi:sockets).
pub fn networked() -> WasiCtx {
    WasiCtxBuilder::new()
        .inherit_stdio()
        .inherit_network()
        .allow_ip_name_lookup(true)
        .build()
}

/// Already explicit: nothing to report.
pub fn explicit() -> WasiCtx {
    let mut b = WasiCtxBuilder::new();
    b.inherit_network().allow_tcp(true).allow_udp(true);
    b.build()
}
