"""E44.1: `component::Val` and `component::Type` gain `Map` (manual, report only)."""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step, StepContext

from ._val_variants import report_matches


def apply(ctx: StepContext) -> None:
    report_matches(ctx, {"Val": ["Map"], "Type": ["Map"]})


STEP = Step(
    id="wasmtime-44-val-map",
    family="wasmtime",
    from_version="43",
    to_version="44",
    safety=Safety.MANUAL,
    title="Report exhaustive matches on Val/Type (new Map variants)",
    summary="Report `match` expressions over `wasmtime::component::Val`/`Type` without a `_` arm; "
            "wasmtime 44 adds `Map`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/12216",
    prefilter=(b"Val::", b"Type::"),
    apply=apply,
)
