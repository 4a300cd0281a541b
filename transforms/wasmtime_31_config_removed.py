"""wasmtime 31: two component-model `Config` switches were removed (#10235)."""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

from ._removed_api import report_methods

STEP = Step(
    id="wasmtime-31-config-removed",
    family="wasmtime",
    from_version="30",
    to_version="31",
    safety=Safety.MANUAL,
    title="Report removed component-model Config switches",
    summary="Report `Config::wasm_component_model_more_flags` / `wasm_component_model_multiple_returns` calls, "
            "removed at 31 together with the proposals they enabled.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/10235",
    prefilter=(b"wasm_component_model_more_flags", b"wasm_component_model_multiple_returns"),
    apply=report_methods({
        "wasm_component_model_more_flags": "delete the call (more than 32 flags is no longer a separate proposal)",
        "wasm_component_model_multiple_returns": "delete the call; components with multiple returns are no longer "
                                                 "supported, so check the guests that needed it",
    }),
)
