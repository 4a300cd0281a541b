"""E40: upstream removal of `OutputStream::blocking_write_zeroes_and_flush` (report only).

The same change as `wasmtime-36-write-zeroes` (which 36.0.20 got as a backport): 37-39 still have the
method, 40.0.4 does not (API ledger 39->40, wasmtime-wasi-io and its `wasmtime_wasi::p2` re-export).
"""

from __future__ import annotations

from dataclasses import replace

from .wasmtime_36_write_zeroes import STEP as AT_36

STEP = replace(AT_36, id="wasmtime-40-write-zeroes", from_version="39", to_version="40",
               upstream="https://github.com/bytecodealliance/wasmtime/blob/v40.0.0/crates/wasi-io/src/streams.rs")
