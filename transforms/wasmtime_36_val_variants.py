"""E36.6: `component::Val` and `component::Type` gain `Future`, `Stream`, `ErrorContext` (manual, report only)."""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step, StepContext

from ._val_variants import report_matches


def apply(ctx: StepContext) -> None:
    report_matches(ctx, {"Val": ["Future", "Stream", "ErrorContext"], "Type": ["Future", "Stream", "ErrorContext"]})


STEP = Step(
    id="wasmtime-36-val-variants",
    family="wasmtime",
    from_version="35",
    to_version="36",
    safety=Safety.MANUAL,
    title="Report exhaustive matches on Val/Type (new Future/Stream/ErrorContext variants)",
    summary="Report `match` expressions over `wasmtime::component::Val`/`Type` without a `_` arm; "
            "wasmtime 36 adds `Future`, `Stream`, `ErrorContext`.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v36.0.0/crates/wasmtime/src/runtime/component/values.rs",
    prefilter=(b"Val::", b"Type::"),
    apply=apply,
)
