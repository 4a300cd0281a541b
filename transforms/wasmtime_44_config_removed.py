"""wasmtime 44/45: `Config::cranelift_pcc` (44) and `wasm_component_model_async_builtins` (45) were removed."""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

from ._removed_api import report_methods

STEP = Step(
    id="wasmtime-44-config-removed",
    family="wasmtime",
    from_version="43",
    to_version="44",
    safety=Safety.MANUAL,
    title="Report removed Config switches (44, 45)",
    summary="Report `Config::cranelift_pcc` (gone at 44) and `Config::wasm_component_model_async_builtins` "
            "(gone at 45) calls.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/main/RELEASES.md",
    prefilter=(b"cranelift_pcc", b"wasm_component_model_async_builtins"),
    apply=report_methods({
        "cranelift_pcc": "delete the call (proof-carrying code checking was removed)",
        "wasm_component_model_async_builtins": "delete the call at 45; the builtins are covered by "
                                               "`wasm_component_model_async`",
    }),
)
