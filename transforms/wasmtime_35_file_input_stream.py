"""E35.x: `wasmtime_wasi::p2::FileInputStream` is no longer exported (report only)."""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

STEP = Step(
    id="wasmtime-35-file-input-stream",
    family="wasmtime",
    from_version="34",
    to_version="35",
    safety=Safety.MANUAL,
    title="Report uses of the unexported FileInputStream",
    summary="Report every use of `wasmtime_wasi::p2::FileInputStream` (root `wasmtime_wasi::FileInputStream` "
            "before 33), which 35 no longer exports.",
    upstream="https://github.com/bytecodealliance/wasmtime/releases/tag/v35.0.0",
    prefilter=(b"FileInputStream",),
    moves={"wasmtime_wasi::p2::FileInputStream": None},
    removed_hints={
        "wasmtime_wasi::p2::FileInputStream": "`FileInputStream` is private from 35 on; stream a host file with "
                                              "`wasmtime_wasi::p2::pipe::AsyncReadStream::new("
                                              "tokio::fs::File::from_std(file))` "
                                              "(boxed as a `DynInputStream`), or from 36 pass "
                                              "`wasmtime_wasi::cli::InputFile::new(file)` to `.stdin(..)`",
    },
)
