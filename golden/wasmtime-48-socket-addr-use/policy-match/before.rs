use std::net::SocketAddr;

use wasmtime_wasi::sockets::SocketAddrUse;
use wasmtime_wasi::WasiCtxBuilder;

fn allowed(addr: SocketAddr, use_: SocketAddrUse) -> bool {
    match use_ {
        SocketAddrUse::TcpBind | SocketAddrUse::UdpBind => addr.ip().is_loopback(),
        SocketAddrUse::TcpConnect => addr.port() == 443,
        SocketAddrUse::UdpConnect | SocketAddrUse::UdpOutgoingDatagram => addr.port() == 53,
    }
}

pub fn builder() -> WasiCtxBuilder {
    let mut b = WasiCtxBuilder::new();
    b.socket_addr_check(|addr, use_| Box::pin(async move { allowed(addr, use_) }));
    b
}
