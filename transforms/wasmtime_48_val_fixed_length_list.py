"""E48.4: `component::Val` and `component::Type` gain `FixedLengthList` (manual, report only)."""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step, StepContext

from ._val_variants import report_matches


def apply(ctx: StepContext) -> None:
    report_matches(ctx, {"Val": ["FixedLengthList"], "Type": ["FixedLengthList"]})


STEP = Step(
    id="wasmtime-48-val-fixed-length-list",
    family="wasmtime",
    from_version="47",
    to_version="48",
    safety=Safety.MANUAL,
    title="Report exhaustive matches on Val/Type (new FixedLengthList variants)",
    summary="Report `match` expressions over `wasmtime::component::Val`/`Type` without a `_` arm; "
            "wasmtime 48 adds `FixedLengthList`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/12315",
    prefilter=(b"Val::", b"Type::"),
    apply=apply,
)
