"""E50.3: `ResourceTable::iter_mut()` yields `(u32, &mut (dyn Any + Send))` pairs from 50."""

from __future__ import annotations

from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

from ._wasi_http import method_calls


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        if b"ResourceTable" not in unit.src.data:
            continue
        for call, _f, recv in method_calls(unit, {"iter_mut"}):
            if "table" not in text(recv).lower():
                continue
            ctx.report(unit, call, "if this is `ResourceTable::iter_mut()`: from 50 it yields `(rep, entry)` pairs; "
                       "append `.map(|(_, e)| e)` to keep the old items", "review")


STEP = Step(
    id="wasmtime-50-resource-table-iter-mut",
    family="wasmtime",
    from_version="49",
    to_version="50",
    safety=Safety.MANUAL,
    title="Report ResourceTable::iter_mut item type",
    summary="Point at `table.iter_mut()` calls: from 50 they yield `(u32, &mut dyn Any)` pairs.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v50.0.1/crates/wasmtime/src/runtime/component/resource_table.rs",
    prefilter=(b"iter_mut",),
    apply=apply,
)
