"""wit-bindgen 0.41: the async runtime's `task_backpressure(bool)` is renamed `backpressure_set(bool)`.

It follows the canonical built-in's new name (`backpressure.set`); same argument, same effect. Read in
wit-bindgen-rt 0.40.0 / 0.41.0 `src/async_support.rs`, which `wit_bindgen::rt::async_support` re-exports.
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

STEP = Step(
    id="wit-bindgen-0.41-backpressure-set",
    family="wit-bindgen",
    from_version="0.40",
    to_version="0.41",
    safety=Safety.SAFE,
    title="Rename async_support::task_backpressure to backpressure_set",
    summary="Rewrite `async_support::task_backpressure` (wit-bindgen-rt, and its `wit_bindgen::rt` re-export) to "
            "`backpressure_set`, renamed at 0.41 after the `backpressure.set` built-in.",
    upstream="https://github.com/bytecodealliance/wit-bindgen/compare/v0.40.0...v0.41.0",
    prefilter=(b"task_backpressure",),
    moves={
        "wit_bindgen_rt::async_support::task_backpressure": "wit_bindgen_rt::async_support::backpressure_set",
        "wit_bindgen::rt::async_support::task_backpressure": "wit_bindgen::rt::async_support::backpressure_set",
    },
)
