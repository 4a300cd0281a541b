"""E44: `wasmtime::Linker::get` returns `Result<Extern>` (was `Option<Extern>`).

Checked in the published sources (43.0.2 `-> Option<Extern>`, 44.0.3 `-> Result<Extern>`, an
error naming the missing import). Appending `.ok()` keeps the old meaning exactly; calls that go
on with `.unwrap()`/`.expect(..)` compile on the `Result` as they are and are left alone.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from wasm_codemod.rust.calls import classify_receiver, method_calls
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext
from wasm_codemod.wordsearch import may_call_with_args

LINKERS = {("wasmtime", "Linker")}
# methods that exist on both Option and Result with the same meaning for this call
KEEP = frozenset({"unwrap", "expect", "ok"})
_GET_CALL = re.compile(rb"\.\s*get\s*\(")


def _next_method(call: Node) -> str | None:
    """`x.get(..).m(..)` -> "m"."""
    fe = call.parent
    if fe is None or fe.type != "field_expression" or fe.child_by_field_name("value") != call:
        return None
    field = fe.child_by_field_name("field")
    return text(field) if field is not None else None


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        # a Linker::get takes three arguments: a file whose `.get(..)` calls take fewer is not parsed
        if b"wasmtime" not in unit.src.data or not may_call_with_args(unit.src.data, _GET_CALL, 3):
            continue
        for mc in method_calls(unit.src.root, {"get"}):
            if len(mc.args) != 3:
                continue  # Linker::get takes (store, module, name); maps and slices take one
            kind = classify_receiver(unit.names, mc.receiver, LINKERS)
            if kind == "other":
                continue
            recv = text(mc.receiver)
            if kind == "unknown" and "linker" not in recv.lower():
                ctx.report(unit, mc.call, f"if `{recv}` is a `wasmtime::Linker`, `.get(..)` returns `Result<Extern>` "
                           "from 44: add `.ok()` to keep an `Option`", "review")
                continue
            if _next_method(mc.call) in KEEP:
                continue
            ctx.insert(unit, mc.call.end_byte, ".ok()")


STEP = Step(
    id="wasmtime-44-linker-get",
    family="wasmtime",
    from_version="43",
    to_version="44",
    safety=Safety.SAFE,
    title="Linker::get returns a Result",
    summary="Append `.ok()` to `linker.get(store, module, name)` so it stays an `Option<Extern>` "
            "(`.unwrap()`/`.expect(..)` chains are left as they are).",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v44.0.0/crates/wasmtime/src/runtime/linker.rs",
    prefilter=(b".get(",),
    apply=apply,
)
