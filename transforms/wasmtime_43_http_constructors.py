"""E43: wasi-http's `HostIncomingRequest::new` is gone and `HostIncomingBody::new` lost `field_size_limit`
(report only).

API ledger, 42->43: both constructors moved with `body`/`types` into `p2`; the request constructor was
removed (requests are made through `view.http().new_incoming_request(..)`, `wasmtime-43-wasi-http-p2`), and
the body constructor is two-argument again (the limit lives in `WasiHttpCtx`).
"""

from __future__ import annotations

from wasm_codemod.rust.calls import call_arguments
from wasm_codemod.transform import Safety, Step, StepContext

from ._report_only import path_calls

BODY = ("wasmtime_wasi_http", "body", "HostIncomingBody", "new")
REQUEST = ("wasmtime_wasi_http", "types", "HostIncomingRequest", "new")


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for call in path_calls(ctx, unit, {BODY, REQUEST}):
            fn = call.child_by_field_name("function")
            full = ctx.resolves_to(unit, fn, {BODY, REQUEST}) if fn is not None else None
            n = len(call_arguments(call))
            if full == REQUEST:
                ctx.report(unit, call, "`HostIncomingRequest::new` was removed at wasmtime 43: create the request "
                           "with `view.http().new_incoming_request(scheme, request)`")
            elif full == BODY and n == 3:
                ctx.report(unit, call, "`HostIncomingBody::new` takes `(body, between_bytes_timeout)` again at "
                           "wasmtime 43: drop the `field_size_limit` argument (set it on the `WasiHttpCtx`)")


STEP = Step(
    id="wasmtime-43-http-constructors",
    family="wasmtime",
    from_version="42",
    to_version="43",
    safety=Safety.MANUAL,
    title="Report HostIncomingRequest::new and three-argument HostIncomingBody::new",
    summary="Report `HostIncomingRequest::new` (removed at 43) and `HostIncomingBody::new(body, timeout, limit)` "
            "(two arguments again at 43) calls.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v43.0.0/crates/wasi-http/src/p2/body.rs",
    prefilter=(b"HostIncomingRequest", b"HostIncomingBody"),
    apply=apply,
)
