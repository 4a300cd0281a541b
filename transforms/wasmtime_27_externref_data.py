"""wasmtime 27: `ExternRef::data` / `data_mut` return `Result<Option<&dyn Any>>`: `None` for an
`externref` that wraps a guest `anyref` (`ExternRef::convert_any`) rather than host data.
Each call in a file that names `ExternRef` is reported, with the new shape.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import method_calls
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        if b"ExternRef" not in unit.src.data:
            continue
        for mc in method_calls(unit.src.root, {"data", "data_mut"}):
            if len(mc.args) != 1:
                continue
            ctx.report(unit, mc.call, f"if `{text(mc.receiver)}` is an `ExternRef`: `.{mc.method}(..)?` is an "
                       "`Option` from 27 (`None` when it wraps a guest anyref): handle `None`, e.g. "
                       f"`.{mc.method}(..)?.ok_or_else(|| anyhow::anyhow!(\"not host data\"))?`")


STEP = Step(
    id="wasmtime-27-externref-data",
    family="wasmtime",
    from_version="26",
    to_version="27",
    safety=Safety.MANUAL,
    title="Report ExternRef::data calls (Option from 27)",
    summary="Report `externref.data(..)` / `data_mut(..)` calls: they return `Result<Option<..>>` from 27.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v27.0.0/crates/wasmtime/src/runtime/gc/enabled/externref.rs",
    prefilter=(b"ExternRef",),
    apply=apply,
)
