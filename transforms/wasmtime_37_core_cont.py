"""E37: core `Val` gains `ContRef` (stack switching continuations; manual, report only)."""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step, StepContext

from ._val_variants import report_enum_matches

ADDED = {"wasmtime::Val": ["ContRef"]}  # API ledger, 36->37


def apply(ctx: StepContext) -> None:
    report_enum_matches(ctx, ADDED)


STEP = Step(
    id="wasmtime-37-core-cont",
    family="wasmtime",
    from_version="36",
    to_version="37",
    safety=Safety.MANUAL,
    title="Report exhaustive matches on core Val (new ContRef variant)",
    summary="Report `match` expressions over core `wasmtime::Val` without a `_` arm; wasmtime 37 adds `Val::ContRef`.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v37.0.0/crates/wasmtime/src/runtime/values.rs",
    prefilter=(b"Val::",),
    apply=apply,
)
