"""E36: `OutputStream::blocking_write_zeroes_and_flush` was removed from the wasi-io stream trait (report only).

API ledger, 35->36 (wasmtime-wasi-io and its `wasmtime_wasi::p2` re-export): the provided method is gone;
`write_zeroes` + `flush` (or `blocking_write_and_flush` with a zeroed buffer) replace calls, and impls
that overrode it must drop the method.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import method_calls
from wasm_codemod.transform import Safety, Step, StepContext

from ._wasi import paths

NAME = "blocking_write_zeroes_and_flush"
OUTPUT_STREAM = paths("wasmtime_wasi::p2::OutputStream", "wasmtime_wasi::OutputStream",
                      "wasmtime_wasi_io::streams::OutputStream", "wasmtime_wasi_io::OutputStream")


def apply(ctx: StepContext) -> None:
    at = f"wasmtime {ctx.step.to_version}"
    for block in ctx.impls(OUTPUT_STREAM):
        fn = block.methods().get(NAME)
        if fn is not None:
            ctx.report(block.unit, fn, f"`{NAME}` is no longer a method of `OutputStream` ({at}): delete this "
                       "override; callers use `write_zeroes` and `flush`")
    for unit in ctx.units:
        if b"wasmtime" not in unit.src.data:
            continue
        for mc in method_calls(unit.src.root, {NAME}):
            ctx.report(unit, mc.call, f"`.{NAME}(n)` was removed at {at}: call `.write_zeroes(n)` after "
                       "`.write_ready().await` and then `.flush()`, or "
                       "`.blocking_write_and_flush(Bytes::from(vec![0; n]))`")


STEP = Step(
    id="wasmtime-36-write-zeroes",
    family="wasmtime",
    from_version="35",
    to_version="36",
    safety=Safety.MANUAL,
    title="Report OutputStream::blocking_write_zeroes_and_flush",
    summary="Report calls and overrides of `OutputStream::blocking_write_zeroes_and_flush`, removed from the wasi-io "
            "stream trait at 36.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v36.0.20/crates/wasi-io/src/streams.rs",
    prefilter=(NAME.encode(),),
    apply=apply,
)
