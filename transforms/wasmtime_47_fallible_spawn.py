"""E47 (component-model async): `spawn`, `async_call_stack` and `WasmList::iter` return `Result`.

Checked in the 46.0.3 and 47.0.4 sources: `Accessor::spawn`, `Access::spawn`, `Store::spawn` and
`StoreContextMut::spawn` return `Result<JoinHandle>` (was `JoinHandle`),
`StoreContextMut::async_call_stack` returns `Result<impl Iterator>`, and `WasmList::iter(store)`
returns `Result<impl ExactSizeIterator>`. Where the `?` goes depends on the enclosing function,
so each call is reported; a `spawn(..);` statement still compiles but drops the error.
"""

from __future__ import annotations

from tree_sitter import Node

from wasm_codemod.rust.calls import method_calls
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

SPAWNERS = ("access", "store", "cx")  # accessor / access / store / store.as_context_mut() / cx


def _is_statement(call: Node) -> bool:
    p = call.parent
    if p is not None and p.type == "await_expression":
        p = p.parent
    return p is not None and p.type == "expression_statement"


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        data = unit.src.data
        if b"wasmtime" not in data:
            continue
        # each call below is acted on only where the file writes a word of its own
        wanted = {m for m, word in (("spawn", b"Accessor"), ("async_call_stack", b"async_call_stack"),
                                    ("iter", b"WasmList")) if word in data}
        if not wanted:
            continue
        for mc in method_calls(unit.src.root, wanted):
            recv = text(mc.receiver).lower()
            if mc.method == "spawn":
                if len(mc.args) != 1 or b"Accessor" not in data or not any(s in recv for s in SPAWNERS):
                    continue  # tokio's `runtime.spawn(fut)`, a JoinSet, ...
                if _is_statement(mc.call):
                    ctx.report(unit, mc.call, "`.spawn(task)` returns `Result<JoinHandle>` from wasmtime 47: the "
                               "statement drops the error; add `?`", "review")
                else:
                    ctx.report(unit, mc.call, "`.spawn(task)` returns `Result<JoinHandle>` from wasmtime 47: add `?` "
                               "(or handle the error) before using the handle")
            elif mc.method == "async_call_stack":
                if not mc.args:
                    ctx.report(unit, mc.call, "`.async_call_stack()` returns `Result<impl Iterator>` from wasmtime "
                               "47: add `?` before iterating")
            elif len(mc.args) == 1 and b"WasmList" in data:
                ctx.report(unit, mc.call, "`WasmList::iter(store)` returns `Result<impl ExactSizeIterator>` from "
                           "wasmtime 47: add `?` before iterating")


STEP = Step(
    id="wasmtime-47-fallible-spawn",
    family="wasmtime",
    from_version="46",
    to_version="47",
    safety=Safety.MANUAL,
    title="spawn, async_call_stack and WasmList::iter return Result",
    summary="Report `Accessor`/`Store::spawn(task)`, `async_call_stack()` and `WasmList::iter(store)` calls: from 47 "
            "they return `Result`.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v47.0.0/crates/wasmtime/src/runtime/component/concurrent.rs",
    prefilter=(b"spawn", b"async_call_stack", b"WasmList"),
    apply=apply,
)
