"""E42.4: `Store::gc` returns `Result<()>`: `store.gc(None);` becomes `store.gc(None)?;`."""

from __future__ import annotations

from wasm_codemod.rust.calls import classify_receiver, fn_returns_result, method_calls, statement_of
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

from .wasmtime_33_store_gc import STORES, looks_like_store


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for mc in method_calls(unit.src.root, {"gc"}):
            if len(mc.args) != 1 or text(mc.args[0]) != "None" and "OutOfMemory" not in text(mc.args[0]):
                continue
            kind = classify_receiver(unit.names, mc.receiver, STORES)
            if kind == "other":
                continue
            parent = mc.call.parent
            if parent is not None and parent.type == "try_expression":
                continue  # already handled
            stmt = statement_of(mc.call)
            returns = fn_returns_result(mc.call)
            if stmt is not None and returns:
                ctx.insert(unit, mc.call.end_byte, "?")
                if kind == "unknown" and not looks_like_store(text(mc.receiver)):
                    ctx.report(unit, mc.call, f"`{text(mc.receiver)}.gc(..)` was taken for a wasmtime `Store`; "
                               "if it is not one, remove the added `?`", "review")
            elif stmt is not None:
                where = "a closure" if returns is None else "a fn that does not return `Result`"
                ctx.report(unit, mc.call, f"`Store::gc` now returns `wasmtime::Result<()>` and this call is in "
                           f"{where}: handle it, e.g. `{text(mc.call)}.expect(\"gc failed\");` or propagate with `?`")
            # a call whose value is used (`let r = store.gc(None);`) already gets the Result


STEP = Step(
    id="wasmtime-42-store-gc-result",
    family="wasmtime",
    from_version="41",
    to_version="42",
    safety=Safety.REVIEW,
    title="Propagate the Result of Store::gc",
    summary="Append `?` to `store.gc(None);` statements in functions returning `Result`; report the others.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/12371",
    prefilter=(b".gc(",),
    apply=apply,
)
