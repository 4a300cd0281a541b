use std::net::SocketAddr;
use wasmtime_wasi::sockets::SocketAddrUse;
use wasmtime_wasi::{WasiCtx, WasiCtxBuilder};

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

pub fn describe(u: wasmtime_wasi::sockets::SocketAddrUse) -> &'static str {
    match u {
        wasmtime_wasi::sockets::SocketAddrUse::TcpBind => "tcp bind",
        wasmtime_wasi::sockets::SocketAddrUse::TcpConnect => "tcp connect",
        _ => "udp",
    }
}
