"""E43.1: wasi-http moved into `wasmtime_wasi_http::p2`; `WasiHttpView` becomes `fn http() -> WasiHttpCtxView`.

The old view (`ctx` + `table` + optional hooks) is split: the new `p2::WasiHttpView` has one method
`http(&mut self) -> p2::WasiHttpCtxView<'_>` returning the ctx, the table and `&mut dyn WasiHttpHooks`;
hook overrides live in a separate `p2::WasiHttpHooks` impl. The helpers `new_incoming_request` and
`new_response_outparam` became inherent methods of `WasiHttpCtxView`.
"""

from __future__ import annotations

from wasm_codemod.rust.impls import ImplBlock, is_self_field_borrow, self_rooted, single_expression
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext

from ._wasi_http import OLD_HTTP_VIEW, method_calls, user_defines_fn, uses_http

CTX_VIEW = "wasmtime_wasi_http::p2::WasiHttpCtxView"
HOOK_METHODS = ("send_request", "is_forbidden_header", "outgoing_body_buffer_chunks", "outgoing_body_chunk_size",
                "new_incoming_request", "new_response_outparam")
HELPERS = {"new_incoming_request", "new_response_outparam"}


def apply(ctx: StepContext) -> None:
    impls = ctx.impls(OLD_HTTP_VIEW)
    for view in impls:
        _rewrite_view(ctx, view)
    skip = {b.node.id for b in impls}
    helpers_ours = {h for h in HELPERS if not user_defines_fn(ctx, h, skip)}
    for unit in ctx.units:
        if not uses_http(unit):
            continue
        for call, field_expr, recv in method_calls(unit, HELPERS):
            name = text(field_expr.child_by_field_name("field"))
            if text(recv).endswith(".http()"):
                continue  # already 43 shape
            if name not in helpers_ours:
                ctx.report(unit, call, f"`{name}` is also defined in this crate: if this call is the wasi-http "
                           f"helper, write `.http().{name}(..)` (it moved to `WasiHttpCtxView` at 43)")
                continue
            ctx.insert(unit, recv.end_byte, ".http()")


def _rewrite_view(ctx: StepContext, view: ImplBlock) -> None:
    unit: RustUnit = view.unit  # type: ignore[assignment]
    methods = view.methods()
    if "http" in methods and "ctx" not in methods:
        return  # already 43 shape
    hooks = [m for m in methods if m in HOOK_METHODS]
    ctx_fn, table_fn = methods.get("ctx"), methods.get("table")
    if hooks:
        ctx.report(unit, methods[hooks[0]],
                   f"this `WasiHttpView` impl overrides {', '.join('`' + h + '`' for h in hooks)}: at 43 hooks are "
                   "a separate trait. Move these methods into `impl wasmtime_wasi_http::p2::WasiHttpHooks for "
                   "MyHooks` (a type stored in your state, e.g. field `hooks: MyHooks`), then replace `ctx`/`table` "
                   "with `fn http(&mut self) -> wasmtime_wasi_http::p2::WasiHttpCtxView<'_> { WasiHttpCtxView { "
                   "ctx: ..., table: ..., hooks: &mut self.hooks } }`")
        return
    if ctx_fn is None or table_fn is None:
        ctx.report(unit, view.node, "`WasiHttpView` now has the single method `fn http(&mut self) -> "
                   "wasmtime_wasi_http::p2::WasiHttpCtxView<'_>` returning `WasiHttpCtxView { ctx, table, hooks: "
                   "Default::default() }`; `ctx`/`table` were not both found here, write it by hand")
        return
    c_expr, t_expr = single_expression(ctx_fn), single_expression(table_fn)
    if c_expr is None or t_expr is None:
        bad = ctx_fn if c_expr is None else table_fn
        ctx.report(unit, bad, "body is more than one expression; merge `ctx` and `table` into `fn http(&mut self) "
                   "-> wasmtime_wasi_http::p2::WasiHttpCtxView<'_> { WasiHttpCtxView { ctx: ..., table: ..., "
                   "hooks: Default::default() } }` by hand")
        return
    if text(view.trait_node).startswith("wasmtime_wasi_http::"):
        name = CTX_VIEW  # the impl spells paths in full: do the same
    else:
        name = ctx.import_name(unit, CTX_VIEW, view.node)
    ind = unit.src.indent_at(ctx_fn.start_byte)
    b = ind + "    "
    new_fn = (f"fn http(&mut self) -> {name}<'_> {{\n{b}{name} {{\n{b}    ctx: {text(c_expr)},\n"
              f"{b}    table: {text(t_expr)},\n{b}    hooks: Default::default(),\n{b}}}\n{ind}}}")
    ctx.replace(unit, ctx_fn, new_fn)
    ctx.delete_item(unit, table_fn)
    if not (is_self_field_borrow(c_expr) and is_self_field_borrow(t_expr)):
        severity = "review" if self_rooted(c_expr) and self_rooted(t_expr) else "manual"
        ctx.report(unit, ctx_fn, "WasiHttpCtxView borrows the http ctx and the table at the same time; check that "
                   "these two expressions borrow disjoint fields (the compiler will say)", severity)


_P2 = "wasmtime_wasi_http::p2::"

STEP = Step(
    id="wasmtime-43-wasi-http-p2",
    family="wasmtime",
    from_version="42",
    to_version="43",
    safety=Safety.REVIEW,
    title="Move wasi-http into p2 and return WasiHttpCtxView",
    summary="Rewrite `impl WasiHttpView { fn ctx; fn table }` into `fn http(&mut self) -> WasiHttpCtxView<'_>`, "
            "call `new_incoming_request`/`new_response_outparam` through `.http()`, and move the linker functions, "
            "`bindings`, `body`, `types` and the error helpers to `wasmtime_wasi_http::p2`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/12748",
    prefilter=(b"wasmtime_wasi_http",),
    apply=apply,
    moves={
        "wasmtime_wasi_http::WasiHttpView": _P2 + "WasiHttpView",
        "wasmtime_wasi_http::types::WasiHttpView": _P2 + "WasiHttpView",
        "wasmtime_wasi_http::WasiHttpImpl": None,
        "wasmtime_wasi_http::types::WasiHttpImpl": None,
        "wasmtime_wasi_http::add_to_linker_async": _P2 + "add_to_linker_async",
        "wasmtime_wasi_http::add_to_linker_sync": _P2 + "add_to_linker_sync",
        "wasmtime_wasi_http::add_only_http_to_linker_async": _P2 + "add_only_http_to_linker_async",
        "wasmtime_wasi_http::add_only_http_to_linker_sync": _P2 + "add_only_http_to_linker_sync",
        "wasmtime_wasi_http::bindings": _P2 + "bindings",
        "wasmtime_wasi_http::body": _P2 + "body",
        "wasmtime_wasi_http::types": _P2 + "types",
        "wasmtime_wasi_http::types::WasiHttpCtx": "wasmtime_wasi_http::WasiHttpCtx",
        "wasmtime_wasi_http::types::DEFAULT_FORBIDDEN_HEADERS": "wasmtime_wasi_http::DEFAULT_FORBIDDEN_HEADERS",
        "wasmtime_wasi_http::types::FieldMap": "wasmtime_wasi_http::FieldMap",
        "wasmtime_wasi_http::types::FieldSizeLimitError": None,
        "wasmtime_wasi_http::types::HostFields": None,
        "wasmtime_wasi_http::types::DEFAULT_OUTGOING_BODY_BUFFER_CHUNKS": _P2 + "DEFAULT_OUTGOING_BODY_BUFFER_CHUNKS",
        "wasmtime_wasi_http::types::DEFAULT_OUTGOING_BODY_CHUNK_SIZE": _P2 + "DEFAULT_OUTGOING_BODY_CHUNK_SIZE",
        "wasmtime_wasi_http::types::default_send_request": _P2 + "default_send_request",
        "wasmtime_wasi_http::types::default_send_request_handler": _P2 + "default_send_request_handler",
        "wasmtime_wasi_http::DEFAULT_OUTGOING_BODY_BUFFER_CHUNKS": _P2 + "DEFAULT_OUTGOING_BODY_BUFFER_CHUNKS",
        "wasmtime_wasi_http::DEFAULT_OUTGOING_BODY_CHUNK_SIZE": _P2 + "DEFAULT_OUTGOING_BODY_CHUNK_SIZE",
        "wasmtime_wasi_http::HttpError": _P2 + "HttpError",
        "wasmtime_wasi_http::HttpResult": _P2 + "HttpResult",
        "wasmtime_wasi_http::http_request_error": _P2 + "http_request_error",
        "wasmtime_wasi_http::hyper_request_error": _P2 + "hyper_request_error",
        "wasmtime_wasi_http::hyper_response_error": _P2 + "hyper_response_error",
    },
    removed_hints={
        "wasmtime_wasi_http::WasiHttpImpl": "`WasiHttpImpl` was removed at 43; host traits are implemented for "
                                            "`wasmtime_wasi_http::p2::WasiHttpCtxView<'_>` (get one with `.http()`)",
        "wasmtime_wasi_http::types::WasiHttpImpl": "`WasiHttpImpl` was removed at 43; host traits are implemented "
                                                   "for `wasmtime_wasi_http::p2::WasiHttpCtxView<'_>`",
        "wasmtime_wasi_http::types::FieldSizeLimitError": "replaced by `wasmtime_wasi_http::FieldMapError` at 43",
        "wasmtime_wasi_http::types::HostFields": "removed at 43; fields are a `wasmtime_wasi_http::FieldMap` now",
    },
)
