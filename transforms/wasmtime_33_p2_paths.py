"""E33.1: the WASIp2 API moved from the `wasmtime_wasi` root into `wasmtime_wasi::p2`."""

from __future__ import annotations

import re

from wasm_codemod.transform import Safety, Step, StepContext

from ._code_in_strings import report_in_strings

# Checked against the published 32.0.1 root and 33.0.2 `p2` re-exports. `TrappableError`,
# `I32Exit`, `DirPerms`, `FilePerms`, `Network`, `SocketAddrUse`, the clocks, `runtime` and
# `preview1` stayed at the root; `IoError` (root at 32 only) and `FileInputStream` moved too.
_MOVED = [
    "add_to_linker_sync", "add_to_linker_async", "add_to_linker_with_options_sync",
    "add_to_linker_with_options_async", "bindings", "pipe", "WasiCtx", "WasiCtxBuilder", "WasiView", "IoView",
    "WasiImpl", "IoImpl", "StdinStream", "StdoutStream", "OutputFile", "AsyncStdinStream", "AsyncStdoutStream",
    "IsATTY", "stdin", "stdout", "stderr", "Stdin", "Stdout", "Stderr", "Pollable", "DynPollable", "InputStream",
    "DynInputStream", "OutputStream", "DynOutputStream", "DynFuture", "MakeFuture", "subscribe", "StreamError",
    "StreamResult", "IoError", "FsError", "FsResult", "FileInputStream", "SocketError", "SocketResult",
]

# a generator's template string naming a moved item through the root: `wasmtime_wasi::add_to_linker_async(`
IN_STRINGS = re.compile(r"\bwasmtime_wasi::(" + "|".join(sorted(_MOVED, key=len, reverse=True)) + r")\b")


def apply(ctx: StepContext) -> None:
    report_in_strings(ctx, IN_STRINGS, "names a WASIp2 item at the `wasmtime_wasi` root: from wasmtime 33 it is "
                      "under `wasmtime_wasi::p2::` (e.g. `wasmtime_wasi::p2::add_to_linker_async`)", b"wasmtime_wasi::")


STEP = Step(
    id="wasmtime-33-p2-paths",
    family="wasmtime",
    from_version="32",
    to_version="33",
    safety=Safety.SAFE,
    title="Move WASIp2 paths into wasmtime_wasi::p2",
    summary="Rewrite `wasmtime_wasi::{add_to_linker_*, bindings, pipe, WasiCtx, WasiView, ...}` "
            "to `wasmtime_wasi::p2::...`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/10073",
    prefilter=(b"wasmtime_wasi",),
    moves={f"wasmtime_wasi::{n}": f"wasmtime_wasi::p2::{n}" for n in _MOVED},
    path_macros=frozenset({"bindgen"}),
    apply=apply,
)
