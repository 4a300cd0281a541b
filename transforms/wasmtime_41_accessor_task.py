"""E41: component-model-async: `AccessorTask<T, D, R>` lost `R` (tasks return `wasmtime::Result<()>`), and
`FutureReader`/`StreamReader::{from_val, into_val}` were replaced by `try_{from,into}_{future,stream}_any`
(report only; checked in the 41.0.4 sources).

API ledger, 40->41. Hand-written tasks for `Accessor::spawn`/`Store::spawn` must write
`impl AccessorTask<T, D> for Task` with `async fn run(self, accessor) -> wasmtime::Result<()>`.
"""

from __future__ import annotations

from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

from ._api_report import report_api
from ._wasi import paths

TASK = paths("wasmtime::component::AccessorTask")
TASK_MSG = ("`AccessorTask<T, D, R>` became `AccessorTask<T, D = HasSelf<T>>` at wasmtime 41: drop the `R` argument "
            "and return `wasmtime::Result<()>` from `run`")
CALLS = {
    "wasmtime::component::FutureReader::from_val":
        "`FutureReader::from_val(store, &val)` was removed at wasmtime 41: match `Val::Future(any)` and call "
        "`FutureReader::try_from_future_any(any)`",
    "wasmtime::component::StreamReader::from_val":
        "`StreamReader::from_val(store, &val)` was removed at wasmtime 41: match `Val::Stream(any)` and call "
        "`StreamReader::try_from_stream_any(any)`",
}
METHODS: dict[str, str | tuple[str, int]] = {
    "into_val": ("`FutureReader`/`StreamReader::into_val()` were removed at wasmtime 41: build "
                 "`Val::Future(reader.try_into_future_any(&mut store)?)` (or `Val::Stream(..try_into_stream_any..)`)",
                 0),
}

_report = report_api(methods=METHODS, calls=CALLS)


def _type_args(trait_text: str) -> int:
    """Top-level arguments of `AccessorTask<a, b<c, d>, e>` (3 here)."""
    inner = trait_text[trait_text.find("<") + 1:trait_text.rfind(">")] if "<" in trait_text else ""
    depth, n = 0, 1 if inner.strip() else 0
    for ch in inner:
        depth += ch in "<(["
        depth -= ch in ">)]"
        n += ch == "," and depth == 0
    return n


def _apply(ctx: StepContext) -> None:
    _report(ctx)
    for block in ctx.impls(TASK):
        trait = block.node.child_by_field_name("trait")
        if trait is not None and _type_args(text(trait)) == 3:
            ctx.report(block.unit, block.node, TASK_MSG)


STEP = Step(
    id="wasmtime-41-accessor-task",
    family="wasmtime",
    from_version="40",
    to_version="41",
    safety=Safety.MANUAL,
    title="Report AccessorTask impls and FutureReader/StreamReader value conversions",
    summary="Report `impl AccessorTask<T, D, R>` (the `R` parameter is gone, tasks return `wasmtime::Result<()>`) "
            "and `FutureReader`/`StreamReader::{from_val, into_val}` (removed) at 41.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v41.0.0/crates/wasmtime/src/runtime/component/concurrent.rs",
    prefilter=(b"AccessorTask", b"from_val", b"into_val"),
    apply=lambda ctx: _apply(ctx),
)
