"""E50.2: store hooks receive `wasmtime::StoreHookState<'_, T>` instead of `StoreContextMut<'_, T>`.

`Store::epoch_deadline_callback`, `Store::call_hook` and `CallHookHandler::handle_call_event` now
pass a `StoreHookState`: it has `data()`, `data_mut()` and `AsContext`, but not `AsContextMut`.
"""

from __future__ import annotations

from tree_sitter import Node

from wasm_codemod.rust.parse import text, walk
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext

from ._wasi import paths
from ._wasi_http import method_calls

STORE_CX = paths("wasmtime::StoreContextMut", "wasmtime::store::StoreContextMut")
HANDLER = paths("wasmtime::CallHookHandler")
NEW = "wasmtime::StoreHookState"
HOOKS = {"epoch_deadline_callback", "call_hook"}
OK_METHODS = {"data", "data_mut", "as_context"}
READ_ONLY = {"get_fuel", "engine"}


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for call, field_expr, _recv in method_calls(unit, HOOKS):
            args = call.child_by_field_name("arguments")
            arg = args.named_children[0] if args is not None and args.named_children else None
            if arg is None:
                continue
            hook = text(field_expr.child_by_field_name("field"))
            if arg.type != "closure_expression":
                ctx.report(unit, arg, f"`{hook}` now passes `wasmtime::StoreHookState<'_, T>` (not "
                           "`StoreContextMut`) to its callback: change the first parameter type of this function "
                           "to `StoreHookState<'_, T>`; it has `data()`, `data_mut()` and `as_context()` only")
                continue
            params = arg.child_by_field_name("parameters")
            first = params.named_children[0] if params is not None and params.named_children else None
            if first is None:
                continue
            _retype(ctx, unit, first)
            body = arg.child_by_field_name("body")
            name = _param_name(first)
            if body is not None and name:
                _check_body(ctx, unit, body, name, hook)
    for impl in ctx.impls(HANDLER):
        fn = impl.methods().get("handle_call_event")
        params = fn.child_by_field_name("parameters") if fn is not None else None
        if params is None:
            continue
        ps = [p for p in params.named_children if p.type == "parameter"]
        if ps:
            _retype(ctx, impl.unit, ps[0])  # type: ignore[arg-type]
            body = fn.child_by_field_name("body")  # type: ignore[union-attr]
            name = _param_name(ps[0])
            if body is not None and name:
                _check_body(ctx, impl.unit, body, name, "handle_call_event")  # type: ignore[arg-type]


def _param_name(p: Node) -> str:
    pat = p.child_by_field_name("pattern") if p.type == "parameter" else p
    if pat is None:
        return ""
    t = text(pat).replace("mut ", "").strip()
    return t if t.isidentifier() else ""


def _retype(ctx: StepContext, unit: RustUnit, p: Node) -> None:
    ty = p.child_by_field_name("type") if p.type == "parameter" else None
    if ty is None:
        return
    base = ty.child_by_field_name("type") if ty.type == "generic_type" else ty
    if base is not None and ctx.resolves_to(unit, base, STORE_CX):
        ctx.replace(unit, base, NEW if text(base).startswith("wasmtime::") else ctx.import_name(unit, NEW, base))


def _check_body(ctx: StepContext, unit: RustUnit, body: Node, name: str, hook: str) -> None:
    for n in walk(body):
        if n.type != "identifier" or text(n) != name or n.parent is None:
            continue
        par = n.parent
        if par.type == "field_expression" and par.child_by_field_name("value") == n:
            meth = text(par.child_by_field_name("field"))
            call = par.parent
            if call is not None and call.type == "call_expression" and meth in OK_METHODS:
                continue
            if call is not None and call.type == "call_expression" and meth in READ_ONLY:
                ctx.replace(unit, n, f"wasmtime::AsContext::as_context(&{name})")
                ctx.report(unit, n, f"`{name}.{meth}()` goes through `AsContext::as_context` now: `StoreHookState` "
                           "only implements `AsContext`", "review")
                continue
            ctx.report(unit, n, f"`{name}.{meth}` in a `{hook}` callback: `StoreHookState` has only `data()`, "
                       "`data_mut()` and `as_context()` at 50 (no `AsContextMut`); move this mutation out of the "
                       "hook (e.g. record a flag in the store data and act on it after the call returns)")
        elif par.type not in ("closure_parameters", "parameter"):
            ctx.report(unit, n, f"`{name}` (now a `StoreHookState`) is passed on here: the receiver must accept "
                       "`StoreHookState<'_, T>` or `impl AsContext`, not `StoreContextMut`")


STEP = Step(
    id="wasmtime-50-store-hook-state",
    family="wasmtime",
    from_version="49",
    to_version="50",
    safety=Safety.REVIEW,
    title="Type store hook callbacks with StoreHookState",
    summary="Rename `StoreContextMut` to `StoreHookState` in the annotated first parameter of "
            "`epoch_deadline_callback`/`call_hook` closures and `CallHookHandler::handle_call_event`, route read-only "
            "store calls through `as_context()`, and report mutations.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v50.0.1/crates/wasmtime/src/runtime/store.rs",
    prefilter=(b"epoch_deadline_callback", b"call_hook", b"CallHookHandler"),
    apply=apply,
)
