//! Our own `SocketAddrUse` (a policy enum) must stay; only the wasmtime-wasi one moves.
pub mod policy {
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum SocketAddrUse {
        Deny,
        Allow,
    }
}

use policy::SocketAddrUse;

pub fn decide(u: wasmtime_wasi::sockets::SocketAddrUse) -> SocketAddrUse {
    match u {
        wasmtime_wasi::sockets::SocketAddrUse::TcpConnect => SocketAddrUse::Allow,
        _ => SocketAddrUse::Deny,
    }
}

pub fn root_spelling(u: wasmtime_wasi::sockets::SocketAddrUse) -> bool {
    decide(u) == SocketAddrUse::Allow
}
