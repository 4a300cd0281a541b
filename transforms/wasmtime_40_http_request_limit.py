"""E40: `HostIncomingRequest::new` takes a `field_size_limit` (report only).

API ledger 39->40 (the limits arrived upstream; 36.0.20 had them as a backport, `wasmtime-36-http-field-size-
limit`). `wasmtime-40-http-body` reports `HostIncomingBody::new`; this step reports the request constructor.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import call_arguments
from wasm_codemod.transform import Safety, Step, StepContext

from ._report_only import path_calls

CTOR = ("wasmtime_wasi_http", "types", "HostIncomingRequest", "new")


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for call in path_calls(ctx, unit, {CTOR}):
            if len(call_arguments(call)) == 4:
                ctx.report(unit, call, "`HostIncomingRequest::new` takes a `field_size_limit: usize` from "
                           "wasmtime-wasi-http 40: pass the limit your `WasiHttpCtx` uses")


STEP = Step(
    id="wasmtime-40-http-request-limit",
    family="wasmtime",
    from_version="39",
    to_version="40",
    safety=Safety.MANUAL,
    title="Report HostIncomingRequest::new without a field size limit",
    summary="Report four-argument `HostIncomingRequest::new(view, parts, scheme, body)` calls: from 40 it takes a "
            "`field_size_limit` too.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v40.0.0/crates/wasi-http/src/types.rs",
    prefilter=(b"HostIncomingRequest",),
    apply=apply,
)
