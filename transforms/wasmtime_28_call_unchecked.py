"""wasmtime 28: `Func::call_unchecked(store, params_and_returns: *mut ValRaw, len: usize)` takes one
`*mut [ValRaw]` instead of a pointer and a length. A three-argument call becomes
`call_unchecked(store, core::ptr::slice_from_raw_parts_mut(ptr, len))`, which is the same slice.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import method_calls
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        if b"ValRaw" not in unit.src.data:
            continue  # a raw call is built from a ValRaw buffer
        for mc in method_calls(unit.src.root, {"call_unchecked"}):
            if len(mc.args) != 3:
                continue
            store, ptr, n = (text(a) for a in mc.args)
            args = mc.call.child_by_field_name("arguments")
            ctx.replace(unit, args, f"({store}, core::ptr::slice_from_raw_parts_mut({ptr}, {n}))")
            ctx.report(unit, mc.call, "`call_unchecked` takes one `*mut [ValRaw]` from 28: the pointer and length "
                       "were joined into a slice pointer", "review")


STEP = Step(
    id="wasmtime-28-call-unchecked",
    family="wasmtime",
    from_version="27",
    to_version="28",
    safety=Safety.REVIEW,
    title="Func::call_unchecked takes a slice pointer",
    summary="Rewrite `func.call_unchecked(store, ptr, len)` to `call_unchecked(store, "
            "core::ptr::slice_from_raw_parts_mut(ptr, len))` (one `*mut [ValRaw]` from 28).",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v28.0.1/crates/wasmtime/src/runtime/func.rs",
    prefilter=(b"call_unchecked",),
    apply=apply,
)
