"""E32.1: `Engine::detect_precompiled{,_file}` became associated functions (no `&self`)."""

from __future__ import annotations

from wasm_codemod.rust.calls import method_calls, receiver_decision
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

ENGINE = ("wasmtime", "Engine")


def apply(ctx: StepContext) -> None:
    roots = ctx.crate_roots()
    for unit in ctx.units:
        for mc in method_calls(unit.src.root, {"detect_precompiled", "detect_precompiled_file"}):
            if len(mc.args) != 1:
                continue
            decision = receiver_decision(unit.names, mc.receiver, {ENGINE}, mc.method, roots)
            if decision == "skip":
                continue  # a same-named method of a user type
            if decision == "report":
                ctx.report(unit, mc.call, f"cannot tell whether `{text(mc.receiver)}` is a wasmtime `Engine` (this "
                           f"crate defines its own `{mc.method}`): if it is, call `Engine::{mc.method}(..)` "
                           "(an associated function from 32)")
                continue
            engine = ctx.import_name(unit, "wasmtime::Engine", mc.call)
            args = mc.call.child_by_field_name("arguments")
            ctx.replace(unit, (mc.call.start_byte, args.start_byte), f"{engine}::{mc.method}")
            if mc.receiver.type not in ("identifier", "field_expression", "self", "reference_expression"):
                ctx.report(unit, mc.call, f"the receiver `{text(mc.receiver)}` is no longer evaluated; "
                           "keep it as a separate statement if it had side effects", "review")


STEP = Step(
    id="wasmtime-32-detect-precompiled",
    family="wasmtime",
    from_version="31",
    to_version="32",
    safety=Safety.SAFE,
    title="Call Engine::detect_precompiled as an associated fn",
    summary="Rewrite `engine.detect_precompiled(b)` / `detect_precompiled_file(p)` to "
            "`Engine::detect_precompiled(b)` / `Engine::detect_precompiled_file(p)`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/10405",
    prefilter=(b"detect_precompiled",),
    apply=apply,
)
