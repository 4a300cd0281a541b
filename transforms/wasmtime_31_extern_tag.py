"""E31: core `Extern` and `ExternType` gain a `Tag` variant (exception-handling tags; manual, report only)."""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step, StepContext

from ._val_variants import report_enum_matches

# From the API ledger (api-ledger/wasmtime.md, 30->31); both enums are exhaustive.
ADDED = {"wasmtime::Extern": ["Tag"], "wasmtime::ExternType": ["Tag"]}


def apply(ctx: StepContext) -> None:
    report_enum_matches(ctx, ADDED, at_end=True)  # at the closing brace: where the arm goes


STEP = Step(
    id="wasmtime-31-extern-tag",
    family="wasmtime",
    from_version="30",
    to_version="31",
    safety=Safety.MANUAL,
    title="Report exhaustive matches on Extern/ExternType (new Tag variant)",
    summary="Report `match` expressions over core `wasmtime::Extern`/`ExternType` without a `_` arm; "
            "wasmtime 31 adds `Tag`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/10251",
    prefilter=(b"Extern",),
    apply=apply,
)
