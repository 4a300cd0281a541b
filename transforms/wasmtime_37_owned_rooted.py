"""E37: `ManuallyRooted<T>` became the RAII `OwnedRooted<T>`; `Rooted::to_manually_rooted` -> `to_owned_rooted`.

API ledger, 36->37 (checked in the 37.0.3 sources): `OwnedRooted` unroots itself on drop, so the explicit
`ManuallyRooted::unroot(self, store)` is gone. Paths and the conversion method are renamed; `.unroot(..)`
calls are reported (delete them, or `drop(..)` the root where the point of release matters).
"""

from __future__ import annotations

from wasm_codemod.rust.calls import method_calls
from wasm_codemod.transform import Safety, Step, StepContext


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        if b"wasmtime" not in unit.src.data:
            continue
        for mc in method_calls(unit.src.root, {"to_manually_rooted", "unroot"}):
            if mc.method == "to_manually_rooted":
                # only wasmtime's `Rooted` has this method name
                ctx.replace(unit, mc.name, "to_owned_rooted")
            elif b"ManuallyRooted" in unit.src.data:
                ctx.report(unit, mc.call, "`OwnedRooted` (was `ManuallyRooted`) unroots itself when dropped from "
                           "wasmtime 37: delete this `.unroot(..)` call, or `drop(..)` the root here", "review")


STEP = Step(
    id="wasmtime-37-owned-rooted",
    family="wasmtime",
    from_version="36",
    to_version="37",
    safety=Safety.REVIEW,
    title="Rename ManuallyRooted to OwnedRooted",
    summary="Rewrite `wasmtime::ManuallyRooted` to `wasmtime::OwnedRooted` and `.to_manually_rooted(..)` to "
            "`.to_owned_rooted(..)`; report `.unroot(..)` calls (an `OwnedRooted` unroots on drop).",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v37.0.0/crates/wasmtime/src/runtime/gc/enabled/rooting.rs",
    prefilter=(b"ManuallyRooted", b"to_manually_rooted"),
    moves={"wasmtime::ManuallyRooted": "wasmtime::OwnedRooted"},
    apply=apply,
)
