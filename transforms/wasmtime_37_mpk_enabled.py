"""E37: `MpkEnabled::{Auto, Enable, Disable}` became the general `Enabled::{Auto, Yes, No}` (paths only)."""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

STEP = Step(
    id="wasmtime-37-mpk-enabled",
    family="wasmtime",
    from_version="36",
    to_version="37",
    safety=Safety.SAFE,
    title="Rename MpkEnabled to Enabled",
    summary="Rewrite `wasmtime::MpkEnabled::{Auto, Enable, Disable}` to `wasmtime::Enabled::{Auto, Yes, No}` "
            "(the argument of `PoolingAllocationConfig::memory_protection_keys`).",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v37.0.0/crates/wasmtime/src/config.rs",
    prefilter=(b"MpkEnabled",),
    # API ledger, 36->37; the variants were checked in the 36.0.20 and 37.0.3 sources
    moves={
        "wasmtime::MpkEnabled": "wasmtime::Enabled",
        "wasmtime::MpkEnabled::Auto": "wasmtime::Enabled::Auto",
        "wasmtime::MpkEnabled::Enable": "wasmtime::Enabled::Yes",
        "wasmtime::MpkEnabled::Disable": "wasmtime::Enabled::No",
    },
)
