"""E42.5 (behaviour): WASI resource limits are on by default (GHSA-852m-cvvp-9p4w).

Nothing fails to compile. `wasi:random` `get-random-bytes` is capped at 64 MiB per call
(`WasiCtxBuilder::max_random_size`), and wasi-http fields at 128 KiB (`WasiHttpCtx::set_field_size_limit`).
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step, StepContext

from ._report_only import chain_text, path_calls
from ._wasi import paths

BUILDER = paths("wasmtime_wasi::WasiCtxBuilder::new", "wasmtime_wasi::p2::WasiCtxBuilder::new",
                "wasmtime_wasi::WasiCtx::builder", "wasmtime_wasi::p2::WasiCtx::builder")
HTTP_CTX = paths("wasmtime_wasi_http::WasiHttpCtx::new", "wasmtime_wasi_http::types::WasiHttpCtx::new")


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for call in path_calls(ctx, unit, BUILDER)[:1]:
            if "max_random_size" in chain_text(call):
                continue
            ctx.report(unit, call, "behaviour change at 42: `get-random-bytes` is now limited to 64 MiB per call by "
                       "default; if guests need more, add `.max_random_size(n)` to this `WasiCtxBuilder`", "info")
        for call in path_calls(ctx, unit, HTTP_CTX)[:1]:
            ctx.report(unit, call, "behaviour change at 42: wasi-http header/trailer fields are now limited to "
                       "128 KiB by default; to allow more, call `.set_field_size_limit(n)` on this `WasiHttpCtx` "
                       "(a `let mut` binding)", "info")


STEP = Step(
    id="wasmtime-42-wasi-limits",
    family="wasmtime",
    from_version="41",
    to_version="42",
    safety=Safety.MANUAL,
    title="Report the WASI limits that are on by default",
    summary="Point at each `WasiCtxBuilder`/`WasiHttpCtx` construction: random-bytes and HTTP field sizes are limited "
            "by default from 42 (`max_random_size`, `set_field_size_limit`).",
    upstream="https://github.com/bytecodealliance/wasmtime/security/advisories/GHSA-852m-cvvp-9p4w",
    prefilter=(b"WasiCtxBuilder", b"WasiCtx::builder", b"WasiHttpCtx"),
    apply=apply,
)
