"""E48.2: `WasiHttpView`, `WasiHttpCtxView`, `WasiHttpHooks`, `default_hooks` back at the wasi-http root.

The hook methods that only apply to WASIp2 gained a `p2_` prefix (`outgoing_body_buffer_chunks`,
`outgoing_body_chunk_size`); `send_request` takes and returns different types and stays manual.
"""

from __future__ import annotations

from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

from ._wasi_http import HOOKS_43, method_calls

RENAMED_HOOKS = {
    "outgoing_body_buffer_chunks": "p2_outgoing_body_buffer_chunks",
    "outgoing_body_chunk_size": "p2_outgoing_body_chunk_size",
}


def apply(ctx: StepContext) -> None:
    for hooks in ctx.impls(HOOKS_43):
        for name, fn in hooks.methods().items():
            if name in RENAMED_HOOKS:
                ctx.replace(hooks.unit, fn.child_by_field_name("name"), RENAMED_HOOKS[name])  # type: ignore[arg-type]
            elif name == "send_request":
                ctx.report(hooks.unit, fn,  # type: ignore[arg-type]
                           "`WasiHttpHooks::send_request` changed at 48: it now takes `(request: "
                           "http::Request<wasmtime_wasi_http::WasiBody>, options: Option<RequestOptions>, fut: "
                           "Box<dyn Future<Output = Result<(), wasmtime_wasi_http::Error>> + Send>)` and returns a "
                           "boxed future of `(http::Response<WasiBody>, Box<dyn Future<..>>)`; rewrite this override "
                           "(the default delegates to `wasmtime_wasi_http::default_send_request(request, options)`; "
                           "`p2::types::OutgoingRequestConfig` / `HostRequestOptions` became "
                           "`wasmtime_wasi_http::RequestOptions` with `Option<Duration>` timeouts and no `use_tls`, "
                           "and the body error type is `wasmtime_wasi_http::Error`)")
    for unit in ctx.units:
        if b"outgoing_body_" not in unit.src.data:
            continue
        # calls of the renamed hooks through a `hooks` value: `x.hooks.outgoing_body_chunk_size()`
        for _call, field_expr, recv in method_calls(unit, set(RENAMED_HOOKS)):
            if "hooks" in text(recv):
                ctx.replace(unit, field_expr.child_by_field_name("field"),  # type: ignore[arg-type]
                            RENAMED_HOOKS[text(field_expr.child_by_field_name("field"))])


_P2 = "wasmtime_wasi_http::p2::"
_ROOT = "wasmtime_wasi_http::"

STEP = Step(
    id="wasmtime-48-wasi-http-root",
    family="wasmtime",
    from_version="47",
    to_version="48",
    safety=Safety.SAFE,
    title="Move the wasi-http view and hooks back to the crate root",
    summary="Rewrite `wasmtime_wasi_http::p2::{WasiHttpView, WasiHttpCtxView, WasiHttpHooks, default_hooks, WasiHttp}` "
            "to the crate root and rename the p2-only hook methods to `p2_outgoing_body_*`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/13810",
    prefilter=(b"wasmtime_wasi_http", b"outgoing_body_"),
    apply=apply,
    moves={
        _P2 + "WasiHttpView": _ROOT + "WasiHttpView",
        _P2 + "WasiHttpCtxView": _ROOT + "WasiHttpCtxView",
        _P2 + "WasiHttpHooks": _ROOT + "WasiHttpHooks",
        _P2 + "default_hooks": _ROOT + "default_hooks",
        _P2 + "WasiHttp": _ROOT + "WasiHttp",
        _P2 + "default_send_request": None,
        _P2 + "default_send_request_handler": None,
    },
    removed_hints={
        _P2 + "default_send_request": "`p2::default_send_request` was replaced at 48 by the async "
                                      "`wasmtime_wasi_http::default_send_request(request, options)` taking "
                                      "`http::Request<WasiBody>`; rewrite the call",
        _P2 + "default_send_request_handler": "`p2::default_send_request_handler` was removed at 48; use the async "
                                              "`wasmtime_wasi_http::default_send_request(request, options)`",
    },
)
