"""Paths of wasmtime-wasi items as they were spelled across releases (shared by several steps)."""

from __future__ import annotations


def paths(*items: str) -> set[tuple[str, ...]]:
    return {tuple(i.split("::")) for i in items}


WASI_VIEW = paths("wasmtime_wasi::WasiView", "wasmtime_wasi::p2::WasiView")
IO_VIEW = paths("wasmtime_wasi::IoView", "wasmtime_wasi::p2::IoView", "wasmtime_wasi_io::IoView")
WASI_HTTP_VIEW = paths("wasmtime_wasi_http::WasiHttpView")
