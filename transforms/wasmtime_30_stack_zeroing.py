"""E30: `async_stack_zeroing` moved from `PoolingAllocationConfig` to `Config`; `StackCreator::new_stack`
gained a `zeroed: bool` parameter (manual, report only; #10027)."""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

from ._api_report import prefilter, report_api

METHODS = {
    # at 29 only PoolingAllocationConfig has this method, so the name identifies it
    "async_stack_zeroing": "moved from `PoolingAllocationConfig` to `Config` at wasmtime 30: call it on the "
                           "engine's `Config` (`config.async_stack_zeroing(..)`) and drop it here",
}
IMPLS = {
    "wasmtime::StackCreator": "`StackCreator::new_stack(&self, size)` became `new_stack(&self, size, zeroed: bool)` "
                              "at wasmtime 30: add the parameter and zero the stack when it is `true`",
}

STEP = Step(
    id="wasmtime-30-stack-zeroing",
    family="wasmtime",
    from_version="29",
    to_version="30",
    safety=Safety.MANUAL,
    title="Report async stack zeroing moved to Config",
    summary="Report `.async_stack_zeroing(..)` calls (moved from `PoolingAllocationConfig` to `Config`) and "
            "`impl StackCreator` blocks (`new_stack` gained a `zeroed` parameter).",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/10027",
    prefilter=prefilter(METHODS, IMPLS),
    apply=report_api(methods=METHODS, impls=IMPLS),
)
