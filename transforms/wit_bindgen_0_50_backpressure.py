"""B18: `backpressure_set` (deprecated in 0.47) was removed in 0.50."""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step, StepContext

from ._report_only import path_calls

# apply sees the paths of the chain's starting version: from 0.40 and older the function is still
# `task_backpressure` (wit-bindgen-0.41-backpressure-set renames it)
PATHS = {("wit_bindgen", "backpressure_set"), ("wit_bindgen", "rt", "async_support", "backpressure_set"),
         ("wit_bindgen_rt", "async_support", "backpressure_set"),
         ("wit_bindgen", "rt", "async_support", "task_backpressure"),
         ("wit_bindgen_rt", "async_support", "task_backpressure")}


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for call in path_calls(ctx, unit, PATHS):
            ctx.report(unit, call, "`backpressure_set` was removed in wit-bindgen 0.50: use the counters "
                       "`wit_bindgen::backpressure_inc()` for `set(true)` and `backpressure_dec()` for "
                       "`set(false)`, and keep the calls balanced")


STEP = Step(
    id="wit-bindgen-0.50-backpressure",
    family="wit-bindgen",
    from_version="0.49",
    to_version="0.50",
    safety=Safety.MANUAL,
    title="Report backpressure_set",
    summary="Report calls of the removed `backpressure_set`; its replacements are the counters "
            "`backpressure_inc`/`backpressure_dec`.",
    upstream="https://github.com/bytecodealliance/wit-bindgen/pull/1449",
    prefilter=(b"backpressure_set", b"task_backpressure"),
    apply=apply,
)
