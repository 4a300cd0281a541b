"""E36: core `Val`, `Ref` and `HeapType` gain exception-reference variants (manual, report only).

API ledger, 35->36: `wasmtime::Val::ExnRef`, `wasmtime::Ref::Exn`, `HeapType::{Exn, ConcreteExn, NoExn}`.
These core enums are exhaustive; hosts that convert `Val`s (to JSON, to their own value type) with a
full `match` stop compiling. (`component::Val` is `wasmtime-36-val-variants`.)
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step, StepContext

from ._val_variants import report_enum_matches

ADDED = {
    "wasmtime::Val": ["ExnRef"],
    "wasmtime::Ref": ["Exn"],
    "wasmtime::HeapType": ["Exn", "ConcreteExn", "NoExn"],
}


def apply(ctx: StepContext) -> None:
    report_enum_matches(ctx, ADDED)


STEP = Step(
    id="wasmtime-36-core-exn",
    family="wasmtime",
    from_version="35",
    to_version="36",
    safety=Safety.MANUAL,
    title="Report exhaustive matches on core Val/Ref/HeapType (new exception variants)",
    summary="Report `match` expressions over core `wasmtime::Val`/`Ref`/`HeapType` without a `_` arm; wasmtime 36 "
            "adds `Val::ExnRef`, `Ref::Exn` and `HeapType::{Exn, ConcreteExn, NoExn}`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/11230",
    prefilter=(b"Val::", b"Ref::", b"HeapType"),
    apply=apply,
)
