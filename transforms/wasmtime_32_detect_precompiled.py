"""E32.1: `Engine::detect_precompiled{,_file}` became associated functions (no `&self`)."""

from __future__ import annotations

from wasm_codemod.rust.calls import classify_receiver, method_calls
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

ENGINE = ("wasmtime", "Engine")


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for mc in method_calls(unit.src.root, {"detect_precompiled", "detect_precompiled_file"}):
            if len(mc.args) != 1:
                continue
            if classify_receiver(unit.names, mc.receiver, {ENGINE}) == "other":
                continue  # a same-named method of a user type
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
