"""E30.3: the wasmtime Cargo feature `signals-based-traps` was removed (traps are detected automatically)."""

from __future__ import annotations

from wasm_codemod.transform import FeatureChange, Safety, Step

STEP = Step(
    id="wasmtime-30-signals-based-traps",
    family="wasmtime",
    from_version="29",
    to_version="30",
    safety=Safety.SAFE,
    title="Drop the signals-based-traps feature",
    summary="Remove the `signals-based-traps` feature of `wasmtime` from Cargo.toml feature lists.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/9941",
    features=(FeatureChange("wasmtime", "signals-based-traps", None),),
)
