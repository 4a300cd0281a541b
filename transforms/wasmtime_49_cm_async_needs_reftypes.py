"""E49.3 (runtime error): disabling reference types while component-model-async is on fails in `Engine::new`."""

from __future__ import annotations

from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

from ._report_only import chain_text
from ._wasi_http import method_calls


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for call, _f, _r in method_calls(unit, {"wasm_reference_types"}):
            args = call.child_by_field_name("arguments")
            if args is None or text(args).replace(" ", "") != "(false)":
                continue
            if "wasm_component_model_async" in chain_text(call) or b"wasm_component_model_async(" in unit.src.data:
                continue
            ctx.report(unit, call, "from 49 `Engine::new` fails with \"the component-model-async feature requires "
                       "the wasm reference-types proposal\" when reference types are off: add "
                       "`.wasm_component_model_async(false)` to this `Config` if you do not use component-model "
                       "async", "review")


STEP = Step(
    id="wasmtime-49-cm-async-needs-reftypes",
    family="wasmtime",
    from_version="48",
    to_version="49",
    safety=Safety.MANUAL,
    title="Report reference types disabled with cm-async on",
    summary="Point at `Config::wasm_reference_types(false)`: from 49 it also needs "
            "`wasm_component_model_async(false)` or `Engine::new` fails.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v49.0.5/crates/wasmtime/src/config.rs",
    prefilter=(b"wasm_reference_types",),
    apply=apply,
)
