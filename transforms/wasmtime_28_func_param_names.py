"""wasmtime 28: component function parameters come with their names.

`component::Func::params(&store)` returns `Box<[(String, Type)]>` instead of `Box<[Type]>`, and
`component::types::ComponentFunc::params()` yields `(&str, Type)` instead of `Type`. A
`func.params(&store)` call becomes `func.params(&store).iter().map(|(_, t)| t.clone()).collect::<Box<[_]>>()`,
the old value, flagged for review (the names are there now if the code wants them). A
`ty.params()` on a `ComponentFunc` cannot be told from other `params()` by syntax: it is reported.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import classify_receiver, defined_methods, method_calls
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

FUNC = {("wasmtime", "component", "Func")}
REBUILT = ".iter().map(|(_, t)| t.clone()).collect::<Box<[_]>>()"
TYPES_HINT = (b"ComponentFunc", b"ComponentItem")


def apply(ctx: StepContext) -> None:
    roots = [u.src.root for u in ctx.units]
    user = defined_methods(roots, "params")
    for unit in ctx.units:
        types_file = any(h in unit.src.data for h in TYPES_HINT)
        for mc in method_calls(unit.src.root, {"params"}):
            kind = classify_receiver(unit.names, mc.receiver, FUNC)
            if kind == "other" and not (types_file and not mc.args):
                continue
            recv = text(mc.receiver)
            if not mc.args:
                if types_file and not user and not _len_only(mc.call):
                    ctx.report(unit, mc.call, f"if `{recv}` is a `component::types::ComponentFunc`: `.params()` "
                               "yields `(name, Type)` pairs from 28; take `.map(|(_, ty)| ty)` for the old items")
                continue
            if len(mc.args) != 1 or b"component" not in unit.src.data:
                continue
            store = text(mc.args[0])
            if unit.src.data[mc.call.end_byte:].startswith(REBUILT.encode()):
                continue  # done by an earlier run
            if kind == "unknown" and user:
                ctx.report(unit, mc.call, f"if `{recv}` is a component `Func`: `params({store})` returns "
                           "`Box<[(String, Type)]>` from 28 (add `.iter().map(|(_, t)| t.clone())` for the types)")
                continue
            ctx.insert(unit, mc.call.end_byte, REBUILT)
            ctx.report(unit, mc.call, f"`{recv}.params({store})` returns `(name, Type)` pairs from 28; the old "
                       "list of types is rebuilt here: use the names directly if they help", "review")


def _len_only(call) -> bool:
    """`x.params().len()`: the count is the same either way."""
    p = call.parent
    f = p.child_by_field_name("field") if p is not None and p.type == "field_expression" else None
    return f is not None and text(f) == "len"


STEP = Step(
    id="wasmtime-28-func-param-names",
    family="wasmtime",
    from_version="27",
    to_version="28",
    safety=Safety.REVIEW,
    title="Component function params come with their names",
    summary="Keep `component::Func::params(&store)` a list of types (it returns `(String, Type)` pairs from 28) "
            "and report `ComponentFunc::params()` iterations, which yield `(&str, Type)`.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v28.0.1/crates/wasmtime/src/runtime/component/func.rs",
    prefilter=(b".params(",),
    apply=apply,
)
