"""E48: wasmtime-wasi's default clocks are built without an ambient-authority token.

Checked in the 47.0.4 and 48.0.8 sources: `clocks::WallClock::new(ambient_authority())` and
`clocks::MonotonicClock::new(ambient_authority())` became `new()` (wasmtime-wasi no longer uses
cap-std's clocks). The argument is dropped; the `ambient_authority` import may become unused.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import call_arguments
from wasm_codemod.rust.parse import walk_types
from wasm_codemod.transform import Safety, Step, StepContext

from ._wasi import paths

NEW = paths("wasmtime_wasi::clocks::WallClock::new", "wasmtime_wasi::clocks::MonotonicClock::new")


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for call in walk_types(unit.src.root, ("call_expression",)):
            if call.type != "call_expression":
                continue
            fn = call.child_by_field_name("function")
            if fn is None or ctx.resolves_to(unit, fn, NEW) is None:
                continue
            kids = call_arguments(call)
            if len(kids) == 1:
                ctx.replace(unit, call.child_by_field_name("arguments"), "()")


STEP = Step(
    id="wasmtime-48-clock-new",
    family="wasmtime",
    from_version="47",
    to_version="48",
    safety=Safety.SAFE,
    title="Default clocks take no ambient authority",
    summary="Rewrite `wasmtime_wasi::clocks::{WallClock, MonotonicClock}::new(ambient_authority())` to `::new()`.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v48.0.0/crates/wasi/src/clocks.rs",
    prefilter=(b"WallClock", b"MonotonicClock"),
    apply=apply,
)
