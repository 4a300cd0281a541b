"""B24: `wit_bindgen::spawn` was renamed `spawn_local` at 0.58 (no alias)."""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

STEP = Step(
    id="wit-bindgen-0.58-spawn-local",
    family="wit-bindgen",
    from_version="0.57",
    to_version="0.58",
    safety=Safety.SAFE,
    title="Rename spawn to spawn_local",
    summary="Rewrite `wit_bindgen::spawn` to `wit_bindgen::spawn_local` (also under `rt::async_support`).",
    upstream="https://github.com/bytecodealliance/wit-bindgen/pull/1629",
    prefilter=(b"spawn",),
    moves={
        "wit_bindgen::spawn": "wit_bindgen::spawn_local",
        "wit_bindgen::rt::async_support::spawn": "wit_bindgen::rt::async_support::spawn_local",
    },
)
