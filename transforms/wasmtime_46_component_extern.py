"""E46: component type introspection yields `ComponentExtern` (was `ComponentItem`).

`types::Component::{imports, exports, get_import, get_export}` and
`types::ComponentInstance::{exports, get_export}` return `ComponentExtern<'_> { ty: ComponentItem,
implements: Option<&str> }` from 46 (46.0.3 component/types.rs). Mapping each result to its `.ty`
gives back exactly the 45 values, so code that matches on `ComponentItem` keeps compiling.
The calls are told by their engine argument (`ty.exports(&engine)`; core `Instance::exports`
takes a store, `Component::get_export` an `Option` index).
"""

from __future__ import annotations

import re

from tree_sitter import Node

from wasm_codemod.rust.calls import method_calls
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext
from wasm_codemod.wordsearch import spelled_calls

ITERS = frozenset({"imports", "exports"})  # (engine) -> iterator of (name, item)
LOOKUPS = frozenset({"get_import", "get_export"})  # (engine, name) -> Option<item>
ITER_MAP = ".map(|(name, item)| (name, item.ty))"
LOOKUP_MAP = ".map(|item| item.ty)"


def _engine_like(arg: Node) -> bool:
    return "engine" in text(arg).lower()


# the calls below as the file spells them (a turbofish too: `method_calls` finds those)
_CALLS = re.compile(rb"\.\s*(?:imports|exports|get_import|get_export)\s*(?:::\s*<[^;{}]*?>\s*)?\(")


def _may_pass_an_engine(data: bytes) -> bool:
    """Can a call below qualify (an engine-like argument, or a `component_type()` receiver)? Read
    from the text, so a file whose `exports(..)` calls all take a store is not parsed."""
    if b"component_type()" in data:
        return True
    return any(span is None or b"engine" in data[span[0]:span[1]].lower() for span in spelled_calls(data, _CALLS))


def _already_mapped(call: Node, suffix: str) -> bool:
    fe = call.parent
    if fe is None or fe.type != "field_expression" or fe.parent is None:
        return False
    return text(fe.parent)[len(text(call)):].replace(" ", "") == suffix.replace(" ", "")


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        if b"wasmtime" not in unit.src.data or not _may_pass_an_engine(unit.src.data):
            continue
        for mc in method_calls(unit.src.root, ITERS | LOOKUPS):
            if mc.method in ITERS:
                if len(mc.args) != 1 or not (_engine_like(mc.args[0]) or "component_type()" in text(mc.receiver)):
                    continue  # e.g. core `instance.exports(&mut store)`
                suffix = ITER_MAP
            else:
                if len(mc.args) != 2 or not _engine_like(mc.args[0]):
                    continue  # e.g. `component.get_export(None, "name")` (takes an index, unchanged)
                suffix = LOOKUP_MAP
            if _already_mapped(mc.call, suffix):
                continue
            ctx.insert(unit, mc.call.end_byte, suffix)
            ctx.report(unit, mc.call, f"`.{mc.method}(..)` yields `ComponentExtern` from 46; mapped to its `.ty` "
                       "(the old `ComponentItem`); use the `ComponentExtern` directly to read `implements`", "info")


STEP = Step(
    id="wasmtime-46-component-extern",
    family="wasmtime",
    from_version="45",
    to_version="46",
    safety=Safety.REVIEW,
    title="Component type exports yield ComponentExtern",
    summary="Map `component_type().imports(&engine)`/`exports(&engine)` items and `get_import`/`get_export(&engine, "
            "name)` results to their `.ty`, the `ComponentItem` they were before 46.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v46.0.0/crates/wasmtime/src/runtime/component/types.rs",
    prefilter=(b"imports(", b"exports(", b"get_import(", b"get_export("),
    apply=apply,
)
