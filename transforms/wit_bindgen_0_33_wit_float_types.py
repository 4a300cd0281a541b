"""Write float32/float64 as f32/f64 in WIT, for `generate!` from wit-bindgen 0.33.

wit-bindgen 0.33 parses WIT with wit-parser 0.218, the first to reject `float32`/`float64` by
default (`WIT_REQUIRE_F32_F64=0` was the way back until wit-parser 0.245, wit-bindgen 0.53).
Shared code: transforms/_wit_keywords.py; the 0.53 step does the same for chains from 0.33-0.52.
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

from ._wit_keywords import float_types

STEP = Step(
    id="wit-bindgen-0.33-wit-float-types",
    family="wit-bindgen",
    from_version="0.32",
    to_version="0.33",
    safety=Safety.SAFE,
    title="Write float32/float64 as f32/f64 in WIT",
    summary="Rewrite the WIT types `float32`/`float64` to `f32`/`f64`: wit-bindgen 0.33 parses WIT with "
            "wit-parser 0.218, which rejects the old names by default.",
    upstream="https://github.com/bytecodealliance/wasm-tools/pull/1780",
    wit=float_types,
)
