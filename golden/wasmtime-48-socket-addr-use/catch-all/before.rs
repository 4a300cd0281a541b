use std::net::SocketAddr;

use wasmtime_wasi::sockets::SocketAddrUse;

/// A catch-all arm already covers the new uses; only the renamed variant changes.
pub fn allowed(addr: SocketAddr, use_: SocketAddrUse) -> bool {
    match use_ {
        SocketAddrUse::UdpOutgoingDatagram => addr.port() == 53,
        _ => false,
    }
}
