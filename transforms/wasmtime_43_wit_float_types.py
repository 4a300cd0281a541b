"""B21: Write float32/float64 as f32/f64 in WIT.

Shared code: transforms/_wit_keywords.py; page: docs/steps/wasmtime-43-wit-float-types.md.
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

from ._wit_keywords import float_types

STEP = Step(
    id="wasmtime-43-wit-float-types",
    family="wasmtime",
    from_version="42",
    to_version="43",
    safety=Safety.SAFE,
    title="Write float32/float64 as f32/f64 in WIT",
    summary=(
        'Rewrite the WIT types `float32`/`float64` to `f32`/`f64`: rejected by default since wit-parser '
        '0.218, and the `WIT_REQUIRE_F32_F64=0` escape hatch is gone in wit-parser 0.245 (`bindgen!` in '
        'wasmtime 43).'
    ),
    upstream="https://github.com/bytecodealliance/wasm-tools/pull/2426",
    wit=float_types,
)
