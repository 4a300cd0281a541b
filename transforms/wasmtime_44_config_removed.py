"""wasmtime 44: `Config::cranelift_pcc` was removed (proof-carrying code checking went with it).

`wasm_component_model_async_builtins` (45) is a rename, handled by `wasmtime-45-config-renames`.
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

from ._removed_api import report_methods

STEP = Step(
    id="wasmtime-44-config-removed",
    family="wasmtime",
    from_version="43",
    to_version="44",
    safety=Safety.MANUAL,
    title="Report the removed Config::cranelift_pcc",
    summary="Report `Config::cranelift_pcc` calls (gone at 44).",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/main/RELEASES.md",
    prefilter=(b"cranelift_pcc",),
    apply=report_methods({
        "cranelift_pcc": "delete the call (proof-carrying code checking was removed)",
    }),
)
