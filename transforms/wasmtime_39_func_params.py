"""E39.3: component `Func::params/results(&store)` removed; use `Func::ty(&store)`.

`func.params(&s)` returned `Box<[(String, Type)]>`, `func.results(&s)` `Box<[Type]>`. The
rewrite builds exactly those types from the new iterators, so every use keeps compiling;
`.len()` directly on the result is shortened to `func.ty(&s).params().len()`.
"""

from __future__ import annotations

import re

from wasm_codemod.rust.calls import classify_receiver, defined_methods, method_calls
from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import Safety, Step, StepContext

FUNC = {("wasmtime", "component", "Func")}
IN_MACRO = re.compile(r"([\w.]+)\.(params|results)\(\s*(&?\s*(?:mut\s+)?[\w.*]+)\s*\)")


def apply(ctx: StepContext) -> None:
    roots = ctx.crate_roots()
    user = {m: defined_methods(roots, m) for m in ("params", "results")}
    for unit in ctx.units:
        for mac in walk_types(unit.src.root, ("macro_invocation",)):
            if (mac.parent is not None and mac.parent.type == "token_tree"):
                continue
            for m in IN_MACRO.finditer(text(mac)):
                if user[m.group(2)]:
                    continue
                ctx.report(unit, mac, f"`{m.group(0)}` inside a macro is not rewritten: if it is a component "
                           f"`Func`, write `{m.group(1)}.ty({m.group(3)}).{m.group(2)}()` (an iterator; "
                           "`.collect::<Box<[_]>>()` gives the old boxed slice)")
        for mc in method_calls(unit.src.root, {"params", "results"}):
            if len(mc.args) != 1:
                continue
            kind = classify_receiver(unit.names, mc.receiver, FUNC)
            if kind == "other":
                continue
            recv, store = text(mc.receiver), text(mc.args[0])
            if kind == "unknown" and user[mc.method]:
                ctx.report(unit, mc.call, f"cannot tell whether `{recv}` is a component `Func` (this crate "
                           f"defines its own `{mc.method}`): if it is, write `{recv}.ty({store}).{mc.method}()` "
                           "(an iterator)")
                continue
            parent = mc.call.parent
            field = parent.child_by_field_name("field") if parent is not None and \
                parent.type == "field_expression" else None
            if field is not None and text(field) == "len":
                new = f"{recv}.ty({store}).{mc.method}()"
            elif mc.method == "params":
                new = f"{recv}.ty({store}).params().map(|(n, t)| (n.to_string(), t)).collect::<Box<[_]>>()"
            else:
                new = f"{recv}.ty({store}).results().collect::<Box<[_]>>()"
            ctx.replace(unit, mc.call, new)
            if kind == "unknown":
                ctx.report(unit, mc.call, f"`{recv}.{mc.method}({store})` was taken for a component `Func`; "
                           "if it is not one, revert this line", "review")


STEP = Step(
    id="wasmtime-39-func-params",
    family="wasmtime",
    from_version="38",
    to_version="39",
    safety=Safety.REVIEW,
    title="Read component Func params/results through Func::ty",
    summary="Rewrite `func.params(&store)` / `func.results(&store)` to `func.ty(&store).params()` / "
            "`.results()` (collected into the old boxed slices where the value is used).",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/11943",
    prefilter=(b".params(", b".results("),
    apply=apply,
    units_only=True,
)
