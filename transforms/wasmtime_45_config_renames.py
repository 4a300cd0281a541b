"""E45: two `Config` switches changed shape (checked in the 44.0.3 and 45.0.3 sources).

- `wasm_component_model_async_builtins` became `wasm_component_model_more_async_builtins`: the
  same wasmparser feature bit (1 << 29, the 🚝 builtins), renamed with wasmparser 0.248.
- `compiler_inlining(bool)` takes `wasmtime::Inlining`. At 44 `true` meant inter-module inlining
  plus intra-module inlining when the module uses GC (the Config API could not change the
  intra-module default `WhenUsingGc`), i.e. `Inlining::InterModuleAndIntraGc`; `false` is
  `Inlining::No`. A non-literal argument is reported.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import method_calls, receiver_decision
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

CONFIG = {("wasmtime", "Config")}
RENAMED = {"wasm_component_model_async_builtins": "wasm_component_model_more_async_builtins"}
INLINING = {"true": "InterModuleAndIntraGc", "false": "No"}


def apply(ctx: StepContext) -> None:
    roots = [u.src.root for u in ctx.units]
    for unit in ctx.units:
        if b"wasmtime" not in unit.src.data:
            continue  # a file that never names wasmtime is not configuring it
        for mc in method_calls(unit.src.root, set(RENAMED) | {"compiler_inlining"}):
            decision = receiver_decision(unit.names, mc.receiver, CONFIG, mc.method, roots)
            if decision == "skip":
                continue
            if decision == "report":
                ctx.report(unit, mc.call, f"if `{text(mc.receiver)}` is a `wasmtime::Config`: "
                           + (f"`.{mc.method}(..)` is `.{RENAMED[mc.method]}(..)` from 45" if mc.method in RENAMED
                              else "`.compiler_inlining(..)` takes a `wasmtime::Inlining` from 45"), "review")
                continue
            if mc.method in RENAMED:
                ctx.replace(unit, mc.name, RENAMED[mc.method])
                continue
            arg = text(mc.args[0]) if len(mc.args) == 1 else None
            if arg not in INLINING:
                if arg is not None and "Inlining" in arg:
                    continue  # already the 45 form
                ctx.report(unit, mc.call, "`.compiler_inlining(..)` takes a `wasmtime::Inlining` from 45: `true` at 44 "
                           "is `Inlining::InterModuleAndIntraGc`, `false` is `Inlining::No`")
                continue
            name = ctx.import_name(unit, "wasmtime::Inlining", mc.call)
            ctx.replace(unit, mc.args[0], f"{name}::{INLINING[arg]}")


STEP = Step(
    id="wasmtime-45-config-renames",
    family="wasmtime",
    from_version="44",
    to_version="45",
    safety=Safety.SAFE,
    title="Config: more_async_builtins, Inlining",
    summary="Rename `Config::wasm_component_model_async_builtins` to `wasm_component_model_more_async_builtins` "
            "and rewrite `compiler_inlining(true|false)` to `compiler_inlining(Inlining::InterModuleAndIntraGc|No)`.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v45.0.0/crates/wasmtime/src/config.rs",
    prefilter=(b"wasm_component_model_async_builtins", b"compiler_inlining"),
    apply=apply,
)
