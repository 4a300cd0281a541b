"""E36 (36.0.20): `HostIncomingBody::new` and `HostIncomingRequest::new` take a `field_size_limit`.

The field-size limits of wasmtime 42 were backported to the 36 LTS line: 36.0.20 (the patch this tool
bumps 36 to) adds a `field_size_limit: usize` parameter to both constructors (API ledger 35->36). Hosts
that build incoming requests by hand get a report; `WasiHttpView::new_incoming_request` is unchanged.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import call_arguments
from wasm_codemod.transform import Safety, Step, StepContext

from ._report_only import path_calls

MESSAGE = ("`{f}` takes a `field_size_limit: usize` from wasmtime-wasi-http 36.0.20 (also 42+): pass the limit "
           "your `WasiHttpCtx` uses (its default is `2 << 30`, set by `set_field_size_limit`)")
# function path -> number of arguments before the change
CONSTRUCTORS = {
    ("wasmtime_wasi_http", "body", "HostIncomingBody", "new"): 2,
    ("wasmtime_wasi_http", "types", "HostIncomingRequest", "new"): 4,
}


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for call in path_calls(ctx, unit, set(CONSTRUCTORS)):
            fn = call.child_by_field_name("function")
            full = ctx.resolves_to(unit, fn, set(CONSTRUCTORS)) if fn is not None else None
            n = len(call_arguments(call))
            if full is not None and n == CONSTRUCTORS[full]:
                ctx.report(unit, call, MESSAGE.format(f="::".join(full[-2:])))


STEP = Step(
    id="wasmtime-36-http-field-size-limit",
    family="wasmtime",
    from_version="35",
    to_version="36",
    safety=Safety.MANUAL,
    title="Report HostIncomingBody/HostIncomingRequest constructors without a field size limit",
    summary="Report `HostIncomingBody::new(body, timeout)` and `HostIncomingRequest::new(view, parts, scheme, body)` "
            "calls: wasmtime-wasi-http 36.0.20 adds a `field_size_limit` argument.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v36.0.20/crates/wasi-http/src/body.rs",
    prefilter=(b"HostIncomingBody", b"HostIncomingRequest"),
    apply=apply,
)
