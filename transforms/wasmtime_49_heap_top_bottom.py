"""E49.2: `HeapType::top()`/`bottom()` return `HeapTopType`/`HeapBottomType` (core GC embedders only)."""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step, StepContext

from ._wasi_http import method_calls


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        if b"HeapType" not in unit.src.data:
            continue
        for call, f, _r in method_calls(unit, {"top", "bottom"}):
            args = call.child_by_field_name("arguments")
            if args is None or args.named_children:
                continue
            m = f.child_by_field_name("field").text.decode()
            new = "HeapTopType" if m == "top" else "HeapBottomType"
            ctx.report(unit, call, f"if this is `HeapType::{m}()`: it returns `wasmtime::{new}` from 49; match on "
                       f"`{new}::…` variants, or wrap it as `HeapType::from(x.{m}())` where a `HeapType` is needed")


STEP = Step(
    id="wasmtime-49-heap-top-bottom",
    family="wasmtime",
    from_version="48",
    to_version="49",
    safety=Safety.MANUAL,
    title="Report HeapType::top/bottom result types",
    summary="Point at `.top()`/`.bottom()` calls in files using `HeapType`: they return `HeapTopType`/"
            "`HeapBottomType` from 49.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v49.0.5/crates/wasmtime/src/runtime/types.rs",
    prefilter=(b"HeapType",),
    apply=apply,
)
