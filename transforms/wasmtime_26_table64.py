"""wasmtime 26: table sizes and indices are 64-bit (the memory64 proposal's 64-bit tables).

`Table::{size,grow,get,set,fill,copy}` and `TableType::{minimum,maximum}` take and return `u64`;
`ResourceLimiter{,Async}::table_growing` takes `usize` sizes, as do
`StoreLimitsBuilder::table_elements` and `PoolingAllocationConfig::table_elements`;
`ResourcesRequired::max_initial_table_size` is `Option<u64>`. Integer literals adapt by
themselves. The step rewrites the `table_growing` signature in impls of the limiter traits
(`u32` -> `usize`, `Option<u32>` -> `Option<usize>`) and reports a `table_elements(..)` whose
argument is not a literal (a `u32` value there no longer fits).
"""

from __future__ import annotations

from wasm_codemod.rust.calls import method_calls
from wasm_codemod.rust.parse import text, walk
from wasm_codemod.transform import Safety, Step, StepContext

LIMITERS = {("wasmtime", "ResourceLimiter"), ("wasmtime", "ResourceLimiterAsync")}


def apply(ctx: StepContext) -> None:
    for block in ctx.impls(LIMITERS):
        fn = block.methods().get("table_growing")
        params = fn.child_by_field_name("parameters") if fn is not None else None
        changed = False
        for p in (params.named_children if params is not None else []):
            if p.type != "parameter":
                continue
            ty = p.child_by_field_name("type")
            for t in walk(ty) if ty is not None else []:
                if t.type == "primitive_type" and text(t) == "u32":
                    changed = ctx.replace(block.unit, t, "usize") or changed
        if changed and fn is not None:
            ctx.report(block.unit, fn, "`table_growing` takes `usize` sizes from 26: the parameters were retyped; "
                       "check arithmetic in the body that assumed `u32`", "review")
    for unit in ctx.units:
        if b"table_elements" not in unit.src.data:
            continue
        for mc in method_calls(unit.src.root, {"table_elements"}):
            if len(mc.args) == 1 and mc.args[0].type != "integer_literal":
                ctx.report(unit, mc.call, f"`table_elements` takes a `usize` from 26 (it was `u32`): if "
                           f"`{text(mc.args[0])}` is a `u32`, convert it (`as usize` / `usize::try_from`)", "review")


STEP = Step(
    id="wasmtime-26-table64",
    family="wasmtime",
    from_version="25",
    to_version="26",
    safety=Safety.REVIEW,
    title="64-bit table sizes in ResourceLimiter and table limits",
    summary="Rewrite `table_growing(&mut self, u32, u32, Option<u32>)` in `ResourceLimiter{,Async}` impls to "
            "`usize` (table sizes are 64-bit from 26) and flag non-literal `table_elements(..)` arguments.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/9206",
    prefilter=(b"table_growing", b"table_elements"),
    apply=apply,
)
