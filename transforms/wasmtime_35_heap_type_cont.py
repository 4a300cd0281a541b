"""E35: core `HeapType` gains `Cont`, `ConcreteCont`, `NoCont` (stack switching; manual, report only)."""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step, StepContext

from ._val_variants import report_enum_matches

# API ledger, 34->35; HeapType is exhaustive
ADDED = {"wasmtime::HeapType": ["Cont", "ConcreteCont", "NoCont"]}


def apply(ctx: StepContext) -> None:
    report_enum_matches(ctx, ADDED)


STEP = Step(
    id="wasmtime-35-heap-type-cont",
    family="wasmtime",
    from_version="34",
    to_version="35",
    safety=Safety.MANUAL,
    title="Report exhaustive matches on HeapType (new continuation variants)",
    summary="Report `match` expressions over `wasmtime::HeapType` without a `_` arm; wasmtime 35 adds `Cont`, "
            "`ConcreteCont` and `NoCont`.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v35.0.0/crates/wasmtime/src/runtime/types.rs",
    prefilter=(b"HeapType",),
    apply=apply,
)
