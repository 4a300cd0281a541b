"""E33.2: component export lookups renamed.

`Instance::get_export(store, parent, name)` (component, 3 arguments) now returns
`(ComponentItem, ComponentExportIndex)`; the old behaviour is `get_export_index`.
`Component::export_index(parent, name)` is now `Component::get_export(parent, name)`.
Core `Instance::get_export(store, name)` (2 arguments) is unchanged.
"""

from __future__ import annotations

import re

from wasm_codemod.rust.calls import method_calls, receiver_decision
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

from ._code_in_strings import report_in_strings

IN_STRINGS = re.compile(r"\.export_index\s*\(")

INSTANCE = {("wasmtime", "component", "Instance")}
COMPONENT = {("wasmtime", "component", "Component")}


def apply(ctx: StepContext) -> None:
    report_in_strings(ctx, IN_STRINGS, "calls `Component::export_index`: from wasmtime 33 that is `get_export` "
                      "(same `(ComponentItem, ComponentExportIndex)` result), or `get_export_index` for the index "
                      "alone", b"export_index")
    roots = ctx.crate_roots()
    for unit in ctx.units:
        for mc in method_calls(unit.src.root, {"get_export", "export_index"}):
            if mc.method == "get_export" and len(mc.args) == 3:
                ours, new, what = INSTANCE, "get_export_index", "component `Instance`"
            elif mc.method == "export_index" and len(mc.args) == 2:
                ours, new, what = COMPONENT, "get_export", "`Component`"
            else:
                continue
            decision = receiver_decision(unit.names, mc.receiver, ours, mc.method, roots)
            if decision == "edit":
                ctx.replace(unit, mc.name, new)
            elif decision == "report":
                ctx.report(unit, mc.call, f"cannot tell whether `{text(mc.receiver)}` is a {what} (this crate "
                           f"defines its own `{mc.method}`): if it is, rename the call to `{new}`")


STEP = Step(
    id="wasmtime-33-export-lookup",
    family="wasmtime",
    from_version="32",
    to_version="33",
    safety=Safety.SAFE,
    title="Rename component export lookups",
    summary="Rename 3-argument component `instance.get_export(store, parent, name)` to `get_export_index` and "
            "`component.export_index(parent, name)` to `get_export`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/10597",
    prefilter=(b"get_export", b"export_index"),
    apply=apply,
)
