"""E40: `GuestProfiler::new` / `new_component` take the `&Engine` first and return `Result` (report only).

API ledger, 39->40: `GuestProfiler::new(name, interval, modules) -> Self` became
`GuestProfiler::new(&engine, name, interval, modules) -> Result<Self>` (same for `new_component`).
Which engine expression is in scope is for the host to say, so calls are reported (viceroy builds one per
request).
"""

from __future__ import annotations

from wasm_codemod.rust.calls import call_arguments
from wasm_codemod.transform import Safety, Step, StepContext

from ._report_only import path_calls

# constructor -> argument count before 40
CTORS = {("wasmtime", "GuestProfiler", "new"): 3, ("wasmtime", "GuestProfiler", "new_component"): 4}


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for call in path_calls(ctx, unit, set(CTORS)):
            fn = call.child_by_field_name("function")
            full = ctx.resolves_to(unit, fn, set(CTORS)) if fn is not None else None
            n = len(call_arguments(call))
            if full is not None and n == CTORS[full]:
                ctx.report(unit, call, f"`GuestProfiler::{full[-1]}` takes the engine first and returns `Result` "
                           f"from wasmtime 40: `GuestProfiler::{full[-1]}(&engine, ..)?`")


STEP = Step(
    id="wasmtime-40-guest-profiler",
    family="wasmtime",
    from_version="39",
    to_version="40",
    safety=Safety.MANUAL,
    title="Report GuestProfiler constructors without an engine",
    summary="Report `GuestProfiler::new(name, interval, modules)` / `new_component(..)` calls: from 40 they take "
            "`&Engine` first and return `Result`.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v40.0.0/crates/wasmtime/src/profiling.rs",
    prefilter=(b"GuestProfiler",),
    apply=apply,
)
