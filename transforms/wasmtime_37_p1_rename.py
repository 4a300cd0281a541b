"""E37.1: `wasmtime_wasi::preview0/preview1` became `p0/p1`, in paths and in the Cargo feature."""

from __future__ import annotations

from wasm_codemod.transform import FeatureChange, Safety, Step

STEP = Step(
    id="wasmtime-37-p1-rename",
    family="wasmtime",
    from_version="36",
    to_version="37",
    safety=Safety.SAFE,
    title="Rename preview1/preview0 to p1/p0",
    summary="Rewrite `wasmtime_wasi::preview1::...` to `wasmtime_wasi::p1::...` (and preview0 to p0), "
            "and the `preview1` Cargo feature to `p1`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/11380",
    prefilter=(b"preview1", b"preview0"),
    moves={"wasmtime_wasi::preview1": "wasmtime_wasi::p1", "wasmtime_wasi::preview0": "wasmtime_wasi::p0"},
    features=(FeatureChange("wasmtime-wasi", "preview1", "p1"), FeatureChange("wasmtime-wasi", "preview0", "p0")),
)
