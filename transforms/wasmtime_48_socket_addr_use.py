"""E48: `SocketAddrUse` (the `socket_addr_check` callback's argument) was reworked.

Checked in the 47.0.4 and 48.0.8 sources (wasmtime-wasi `sockets/mod.rs`): `UdpConnect`
(connecting a UDP socket) and `UdpOutgoingDatagram` (sending on an unconnected one) became
`UdpSend` (sending a datagram to a remote address, checked for connected and unconnected sockets
alike), and the check now also runs for `TcpListen`, `TcpAccept` and `UdpReceive`. The two old
variants are renamed; an exhaustive `match` is reported, since what the host allows for the new
uses is its policy.
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step, StepContext

from ._val_variants import report_enum_matches

ADDED = ["TcpListen", "TcpAccept", "UdpReceive"]
PATHS = ("wasmtime_wasi::sockets::SocketAddrUse",)  # the root re-export went at 37


def apply(ctx: StepContext) -> None:
    report_enum_matches(ctx, {PATHS[0]: ADDED}, {tuple(p.split("::")): PATHS[0] for p in PATHS})


STEP = Step(
    id="wasmtime-48-socket-addr-use",
    family="wasmtime",
    from_version="47",
    to_version="48",
    safety=Safety.REVIEW,
    title="SocketAddrUse: UdpSend, new TCP/UDP checks",
    summary="Rewrite `SocketAddrUse::UdpConnect`/`UdpOutgoingDatagram` to `SocketAddrUse::UdpSend` and report "
            "exhaustive matches: the check also runs for `TcpListen`, `TcpAccept` and `UdpReceive` from 48.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v48.0.0/crates/wasi/src/sockets/mod.rs",
    prefilter=(b"SocketAddrUse",),
    moves={f"{p}::{old}": f"{p}::UdpSend" for p in PATHS for old in ("UdpConnect", "UdpOutgoingDatagram")},
    apply=apply,
)
