"""E42.3: `post_return{,_async}` are deprecated no-ops (`call` runs post-return itself): delete the calls."""

from __future__ import annotations

from wasm_codemod.rust.calls import method_calls, outer_expression, statement_of
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for mc in method_calls(unit.src.root, {"post_return", "post_return_async"}):
            if len(mc.args) != 1:
                continue
            outer, kinds = outer_expression(mc.call)
            if mc.method == "post_return_async" and "await" not in kinds:
                continue
            stmt = statement_of(outer)
            if stmt is None and outer.parent is not None and outer.parent.type == "let_declaration":
                pat = outer.parent.child_by_field_name("pattern")
                if pat is not None and text(pat) == "_":
                    stmt = outer.parent
            if stmt is None:
                ctx.report(unit, mc.call, f"`{mc.method}` has no effect from 42 and is deprecated: its result "
                           "is used here; replace the expression by `Ok(())` or remove it")
                continue
            ctx.delete_lines(unit, stmt)
            ctx.report(unit, stmt, f"deleted `{text(outer)}`: `call` now runs post-return itself", "review")


STEP = Step(
    id="wasmtime-42-post-return",
    family="wasmtime",
    from_version="41",
    to_version="42",
    safety=Safety.REVIEW,
    title="Delete post_return calls",
    summary="Delete `func.post_return(&mut store)?;` and `func.post_return_async(&mut store).await?;` statements.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/12498",
    prefilter=(b"post_return",),
    apply=apply,
)
