"""E48.3 (behaviour): TCP and UDP sockets are denied by default.

Before 48 `inherit_network()` / `socket_addr_check(..)` were enough for guests to open sockets; from 48
`WasiCtxBuilder::allow_tcp(true)` / `allow_udp(true)` must be called as well.
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step, StepContext

from ._report_only import chain_text
from ._wasi_http import method_calls


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        if b"wasmtime_wasi" not in unit.src.data:
            continue
        for call, f, _r in method_calls(unit, {"inherit_network", "socket_addr_check"}):
            chain = chain_text(call)
            missing = [m for m in ("allow_tcp", "allow_udp") if m not in chain]
            if not missing:
                continue
            name = f.child_by_field_name("field").text.decode()
            where = f.child_by_field_name("field")
            ctx.report(unit, where, f"behaviour change at 48: sockets are denied by default, so `{name}` alone no "
                       "longer lets guests open sockets; to keep the old behaviour append "
                       + "`" + "".join(f".{m}(true)" for m in missing) + "` to this `WasiCtxBuilder` chain", "review")


STEP = Step(
    id="wasmtime-48-sockets-default-deny",
    family="wasmtime",
    from_version="47",
    to_version="48",
    safety=Safety.MANUAL,
    title="Report that sockets are denied by default",
    summary="Point at each `inherit_network()`/`socket_addr_check(..)` builder call: from 48 TCP/UDP also need "
            "`allow_tcp(true)`/`allow_udp(true)`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/13936",
    prefilter=(b"inherit_network", b"socket_addr_check"),
    apply=apply,
)
