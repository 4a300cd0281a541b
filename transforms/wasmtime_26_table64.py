"""wasmtime 26: table sizes and indices are 64-bit (the memory64 proposal's 64-bit tables).

`Table::{size,grow,get,set,fill,copy}` and `TableType::{minimum,maximum}` take and return `u64`;
`ResourceLimiter{,Async}::table_growing` takes `usize` sizes, as do
`StoreLimitsBuilder::table_elements` and `PoolingAllocationConfig::table_elements`;
`ResourcesRequired::max_initial_table_size` is `Option<u64>`. Integer literals adapt by
themselves. The step rewrites the `table_growing` signature in impls of the limiter traits
(`u32` -> `usize`, `Option<u32>` -> `Option<usize>`) and reports a `table_elements(..)` whose
argument is not a literal (a `u32` value there no longer fits). A file that names `wasmtime::Table` or
`TableType` is reported once: its `u32` indices and sizes need `u64` (wasmtime-rb's 26 bump retyped
its whole table wrapper); method calls cannot be told from `HashMap::get` and the like without types.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import method_calls
from wasm_codemod.rust.parse import text, walk
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext

LIMITERS = {("wasmtime", "ResourceLimiter"), ("wasmtime", "ResourceLimiterAsync")}
TABLES = {("wasmtime", "Table"), ("wasmtime", "TableType")}


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
        if b"Table" in unit.src.data:
            _report_table_use(ctx, unit)
        if b"table_elements" not in unit.src.data:
            continue
        for mc in method_calls(unit.src.root, {"table_elements"}):
            if len(mc.args) == 1 and mc.args[0].type != "integer_literal":
                ctx.report(unit, mc.call, f"`table_elements` takes a `usize` from 26 (it was `u32`): if "
                           f"`{text(mc.args[0])}` is a `u32`, convert it (`as usize` / `usize::try_from`)", "review")



def _report_table_use(ctx: StepContext, unit: RustUnit) -> None:
    for n in walk(unit.src.root):
        if n.type not in ("type_identifier", "identifier", "scoped_type_identifier", "scoped_identifier"):
            continue
        if n.parent is not None and n.parent.type in ("scoped_type_identifier", "scoped_identifier"):
            continue  # a segment of a longer path: the whole path is checked
        if ctx.resolves_to(unit, n, TABLES):
            ctx.report(unit, n, "wasmtime 26 made table indices and sizes `u64` (were `u32`): "
                       "`Table::{get,set,grow,fill,copy,size}` and `TableType::{minimum,maximum}` take and return "
                       "`u64`; literals adapt, `u32` values in this file need `u64::from(..)` or a `u64` type",
                       "review")
            return


STEP = Step(
    id="wasmtime-26-table64",
    family="wasmtime",
    from_version="25",
    to_version="26",
    safety=Safety.REVIEW,
    title="64-bit table sizes in ResourceLimiter and table limits",
    summary="Rewrite `table_growing(&mut self, u32, u32, Option<u32>)` in `ResourceLimiter{,Async}` impls to "
            "`usize` (table sizes are 64-bit from 26); flag non-literal `table_elements(..)` arguments and "
            "files that use `Table`/`TableType` (u64 indices).",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/9206",
    prefilter=(b"table_growing", b"table_elements", b"Table"),
    apply=apply,
)
