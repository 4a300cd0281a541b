"""Write float32/float64 as f32/f64 in WIT, for `bindgen!` from wasmtime 26.

wasmtime 26's `bindgen!` parses WIT with wit-parser 0.218, the first to reject `float32`/`float64`
by default (`WIT_REQUIRE_F32_F64=0` in the build environment was the only way back until
wit-parser 0.245, wasmtime 43). Shared code: transforms/_wit_keywords.py; the 43 step does the same
for chains that start at 26-42.
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

from ._wit_keywords import float_types

STEP = Step(
    id="wasmtime-26-wit-float-types",
    family="wasmtime",
    from_version="25",
    to_version="26",
    safety=Safety.SAFE,
    title="Write float32/float64 as f32/f64 in WIT",
    summary="Rewrite the WIT types `float32`/`float64` to `f32`/`f64`: wasmtime 26's `bindgen!` parses WIT with "
            "wit-parser 0.218, which rejects the old names by default.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/9336",
    wit=float_types,
)
