use std::net::SocketAddr;
use wasmtime_wasi::{SocketAddrUse, WasiCtx, WasiCtxBuilder};

/// Guests may only connect to loopback over TCP.
pub fn loopback_only() -> WasiCtx {
    WasiCtxBuilder::new()
        .inherit_network()
        .socket_addr_check(|addr: SocketAddr, usage: SocketAddrUse| {
            Box::pin(async move {
                addr.ip().is_loopback() && matches!(usage, SocketAddrUse::TcpConnect)
            })
        })
        .build()
}

pub fn describe(u: wasmtime_wasi::SocketAddrUse) -> &'static str {
    match u {
        wasmtime_wasi::SocketAddrUse::TcpBind => "tcp bind",
        wasmtime_wasi::SocketAddrUse::TcpConnect => "tcp connect",
        _ => "udp",
    }
}
