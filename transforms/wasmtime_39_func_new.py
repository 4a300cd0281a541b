"""E39.2: component `LinkerInstance::func_new{,_async,_concurrent}` closures take a second
argument, the function's `types::ComponentFunc`. Core `Linker::func_new` (4 arguments) is unchanged.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import COMMENTS, method_calls
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

METHODS = {"func_new", "func_new_async", "func_new_concurrent"}


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for mc in method_calls(unit.src.root, METHODS):
            if len(mc.args) != 2:
                continue  # core `Linker::func_new(module, name, ty, f)` or something else
            f = mc.args[1]
            if f.type != "closure_expression":
                ctx.report(unit, f, f"the function passed to `{mc.method}` now takes a second argument "
                           "`wasmtime::component::types::ComponentFunc` (the function's type): add it to "
                           f"the signature of `{text(f)}`")
                continue
            params = f.child_by_field_name("parameters")
            items = [p for p in (params.named_children if params else []) if p.type not in COMMENTS]
            if len(items) == 4:
                continue  # already in the 39 shape
            if len(items) != 3:
                ctx.report(unit, f, f"unexpected closure shape for `{mc.method}`: it must take "
                           "(store, ty: ComponentFunc, params, results)")
                continue
            used = {text(n) for n in items}
            name = "_ty" if "_ty" not in used else "_func_ty"
            first = items[0]
            ctx.insert(unit, first.end_byte, f", {name}")


STEP = Step(
    id="wasmtime-39-func-new",
    family="wasmtime",
    from_version="38",
    to_version="39",
    safety=Safety.SAFE,
    title="Add the ComponentFunc argument to func_new closures",
    summary="Insert a `_ty` parameter after the store in closures passed to component "
            "`func_new`/`func_new_async`/`func_new_concurrent`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/11944",
    prefilter=(b"func_new",),
    apply=apply,
)
