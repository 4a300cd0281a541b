"""wasmtime 28: `wasmtime_wasi_http::body::HostOutgoingBody::new(context, size)` takes two more
arguments, `buffer_chunks` and `chunk_size`, which `WasiHttpView::outgoing_body_buffer_chunks` /
`outgoing_body_chunk_size` supply by default (1 and 1 MiB, the buffering 27 had built in).
A two-argument call gets `, 1, 1024 * 1024` appended.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import call_arguments
from wasm_codemod.transform import Safety, Step, StepContext

from ._report_only import path_calls

NEW = {("wasmtime_wasi_http", "body", "HostOutgoingBody", "new")}


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for call in path_calls(ctx, unit, NEW):
            items = call_arguments(call)
            if len(items) == 2:
                ctx.insert(unit, items[1].end_byte, ", 1, 1024 * 1024")
                ctx.report(unit, call, "`HostOutgoingBody::new` takes `buffer_chunks` and `chunk_size` from 28: the "
                           "defaults (1, 1 MiB) were passed; use the view's `outgoing_body_buffer_chunks()` / "
                           "`outgoing_body_chunk_size()` if it overrides them", "review")


STEP = Step(
    id="wasmtime-28-outgoing-body",
    family="wasmtime",
    from_version="27",
    to_version="28",
    safety=Safety.REVIEW,
    title="HostOutgoingBody::new takes buffer sizes",
    summary="Append the default `buffer_chunks`/`chunk_size` (1, 1 MiB) to two-argument "
            "`wasmtime_wasi_http::body::HostOutgoingBody::new` calls (28).",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v28.0.1/crates/wasi-http/src/body.rs",
    prefilter=(b"HostOutgoingBody",),
    apply=apply,
)
