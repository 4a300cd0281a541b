"""B61.1/B61.2: `enable_method_chaining` became the filter list `chainable_methods` at 0.61 (imports only)."""

from __future__ import annotations

from wasm_codemod.rust.guest import generate_calls
from wasm_codemod.rust.macro_options import remove_entry
from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import Safety, Step, StepContext


def apply(ctx: StepContext) -> None:
    chaining = False
    for unit, _node, opts in generate_calls(ctx):
        e = opts.get("enable_method_chaining")
        if e is None:
            continue
        if e.value.text == "false":
            remove_entry(unit.src, unit.edits, e, ctx.step.id)
        elif e.value.text == "true":
            ctx.replace(unit, (e.start, e.end), 'chainable_methods: ["&all"]')
            chaining = True
        else:
            ctx.report(unit, e.start, "`enable_method_chaining` was replaced by `chainable_methods: [..]` in 0.61; "
                       "write `chainable_methods: [\"&all\"]` to keep `&self -> &Self` methods on imports")
    if not chaining:
        return
    # B61.2: exported resources are no longer chainable; their trait methods return `()` again
    for unit in ctx.units:
        for fn in walk_types(unit.src.root, ("function_item",)):
            if fn.parent is None or fn.parent.parent is None:
                continue
            impl = fn.parent.parent
            trait = impl.child_by_field_name("trait") if impl.type == "impl_item" else None
            ret = fn.child_by_field_name("return_type")
            if trait is None or ret is None or not text(trait).split("::")[-1].startswith("Guest"):
                continue
            if text(ret).replace(" ", "") in ("&Self", "&'_Self"):
                ctx.report(unit, fn, "method chaining no longer applies to exported resources (0.61): drop the "
                           "`-> &Self` return type and the trailing `self` of this method")


STEP = Step(
    id="wit-bindgen-0.61-chainable-methods",
    family="wit-bindgen",
    from_version="0.60",
    to_version="0.61",
    safety=Safety.REVIEW,
    title="Replace enable_method_chaining by chainable_methods",
    summary="Rewrite `enable_method_chaining: true` to `chainable_methods: [\"&all\"]`, delete it when `false`, "
            "and report exported-resource methods that still return `&Self`.",
    upstream="https://crates.io/crates/wit-bindgen/0.61.1",
    prefilter=(b"enable_method_chaining",),
    apply=apply,
)
