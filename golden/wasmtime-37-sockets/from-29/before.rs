use wasmtime_wasi::{SocketAddrUse, WasiCtxBuilder, WasiView};

pub fn builder() -> WasiCtxBuilder {
    let mut b = WasiCtxBuilder::new();
    b.socket_addr_check(|_, u| Box::pin(async move { !matches!(u, SocketAddrUse::UdpBind) }));
    b
}

pub fn needs_view<T: WasiView>(_: &T) {}
