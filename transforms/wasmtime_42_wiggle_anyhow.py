"""E42: wiggle no longer re-exports `anyhow` (paths only: uses are reported)."""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

STEP = Step(
    id="wasmtime-42-wiggle-anyhow",
    family="wasmtime",
    from_version="41",
    to_version="42",
    safety=Safety.MANUAL,
    title="Report uses of wiggle::anyhow",
    summary="Report `wiggle::anyhow` paths: wiggle 42 dropped the re-export along with anyhow (errors are "
            "`wasmtime::Error`).",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v42.0.0/crates/wiggle/src/lib.rs",
    prefilter=(b"anyhow",),
    moves={"wiggle::anyhow": None},
    removed_hints={"wiggle::anyhow": "wiggle 42 re-exports no `anyhow`: use `wasmtime::Error`/`wasmtime::Result` "
                                     "(as wiggle's generated code now does) or depend on `anyhow` directly"},
)
