"""E37.2: `SocketAddrUse` is only reachable as `wasmtime_wasi::sockets::SocketAddrUse` from 37 on.

The `sockets` module is public since 36 and already held both types there; 37 dropped the root
re-exports and made `AllowedNetworkUses` crate-private.
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

_NO_ALLOWED = ("`AllowedNetworkUses` is crate-private from 37 on; configure the same switches on the "
               "builder: `WasiCtxBuilder::allow_tcp(bool)`, `allow_udp(bool)` and `allow_ip_name_lookup(bool)`")

STEP = Step(
    id="wasmtime-37-sockets",
    family="wasmtime",
    from_version="36",
    to_version="37",
    safety=Safety.SAFE,
    title="Move SocketAddrUse to wasmtime_wasi::sockets",
    summary="Rewrite `wasmtime_wasi::SocketAddrUse` to `wasmtime_wasi::sockets::SocketAddrUse` and report uses "
            "of `AllowedNetworkUses`, which is no longer public.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/11379",
    prefilter=(b"SocketAddrUse", b"AllowedNetworkUses", b"SocketAddrCheck", b"SocketAddressFamily",
               b"DEFAULT_TCP_BACKLOG", b"MAX_UDP_DATAGRAM_SIZE"),
    moves={
        "wasmtime_wasi::SocketAddrUse": "wasmtime_wasi::sockets::SocketAddrUse",
        "wasmtime_wasi::AllowedNetworkUses": None,
        "wasmtime_wasi::sockets::AllowedNetworkUses": None,
        # API ledger, 36->37: also crate-private from 37
        "wasmtime_wasi::sockets::SocketAddrCheck": None,
        "wasmtime_wasi::sockets::SocketAddressFamily": None,
        "wasmtime_wasi::sockets::DEFAULT_TCP_BACKLOG": None,
        "wasmtime_wasi::sockets::MAX_UDP_DATAGRAM_SIZE": None,
    },
    removed_hints={
        "wasmtime_wasi::AllowedNetworkUses": _NO_ALLOWED,
        "wasmtime_wasi::sockets::AllowedNetworkUses": _NO_ALLOWED,
        "wasmtime_wasi::sockets::SocketAddrCheck": "crate-private from 37 on; pass the closure to "
                                                   "`WasiCtxBuilder::socket_addr_check` directly",
        "wasmtime_wasi::sockets::SocketAddressFamily": "crate-private from 37 on",
        "wasmtime_wasi::sockets::DEFAULT_TCP_BACKLOG": "crate-private from 37 on; write the value you need",
        "wasmtime_wasi::sockets::MAX_UDP_DATAGRAM_SIZE": "crate-private from 37 on; write the value you need",
    },
)
