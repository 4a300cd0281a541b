"""E33.4: generated `*Indices::new` takes `&InstancePre`; `*Indices::new_instance` was removed."""

from __future__ import annotations

from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import Safety, Step, StepContext


def apply(ctx: StepContext) -> None:
    # *Indices types only come from bindgen!, but often from another crate of the workspace (or
    # wasmtime-wasi's own `CommandIndices`): no `bindgen!` is required in this crate
    for unit in ctx.units:
        for n in walk_types(unit.src.root, ("call_expression",)):
            f = n.child_by_field_name("function")
            if f is None or f.type != "scoped_identifier":
                continue
            path = f.child_by_field_name("path")
            name = f.child_by_field_name("name")
            if path is None or name is None or not text(path).split("::")[-1].endswith("Indices"):
                continue
            if text(name) == "new_instance":
                ctx.report(unit, n, "`*Indices::new_instance` was removed: use `<World>::new(&mut store, "
                           "&instance)`, or `<World>Indices::new(&instance.instance_pre(&store))?` (34+)")
            elif text(name) == "new":
                ctx.report(unit, n, "`*Indices::new` now takes `&InstancePre<T>` (e.g. `linker.instantiate_pre("
                           "&component)?`) instead of `&Component`, and type-checks the exports there", "review")


STEP = Step(
    id="wasmtime-33-generated-indices",
    family="wasmtime",
    from_version="32",
    to_version="33",
    safety=Safety.MANUAL,
    title="Report generated Indices constructors",
    summary="Report `*Indices::new(&component)` (now takes `&InstancePre`) and `*Indices::new_instance` (removed).",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/10610",
    prefilter=(b"Indices::new",),
    apply=apply,
)
