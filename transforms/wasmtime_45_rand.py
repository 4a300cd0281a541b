"""E45.1: wasmtime-wasi moved to rand 0.10; the `RngCore` re-export became `Rng`.

`wasmtime_wasi::RngCore` (cap-rand, rand 0.8) is now `wasmtime_wasi::Rng` (rand_core 0.10's `Rng`,
same three methods `next_u32`/`next_u64`/`fill_bytes`). `WasiCtxBuilder::{secure_random,
insecure_random}` take `impl Rng + Send`, so RNG values from rand 0.8 / cap-rand no longer fit, and
hand-written RNGs must implement rand_core 0.10's `TryRng`.
"""

from __future__ import annotations

from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

from ._wasi import paths
from ._wasi_http import method_calls

OLD_RNG = paths("wasmtime_wasi::RngCore", "cap_rand::RngCore", "wasmtime_wasi::random::RngCore")
OURS = ("Deterministic", "thread_rng", "wasmtime_wasi::")


def apply(ctx: StepContext) -> None:
    for impl in ctx.impls(OLD_RNG):
        ctx.report(impl.unit, impl.node,  # type: ignore[arg-type]
                   f"custom RNG `{impl.self_type}`: `WasiCtxBuilder::secure_random`/`insecure_random` now need a "
                   "rand 0.10 RNG. Add `rand_core = \"0.10\"` and replace this impl with `impl rand_core::TryRng for "
                   f"{impl.self_type} {{ type Error = core::convert::Infallible; fn try_next_u32(&mut self) -> "
                   "Result<u32, Self::Error> { .. } fn try_next_u64(&mut self) -> Result<u64, Self::Error> { .. } "
                   "fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> { .. } }` (each body "
                   "`Ok(..)` of the old one); `wasmtime_wasi::Rng` is then implemented by rand_core's blanket impl")
    for unit in ctx.units:
        if b"_random(" not in unit.src.data or b"wasmtime_wasi" not in unit.src.data:
            continue
        for call, _f, _recv in method_calls(unit, {"secure_random", "insecure_random"}):
            args = call.child_by_field_name("arguments")
            arg = text(args) if args is not None else ""
            if any(o in arg for o in OURS):
                continue
            ctx.report(unit, call, f"`{text(_f.child_by_field_name('field'))}` takes `impl wasmtime_wasi::Rng + Send`"
                       " (rand 0.10) from 45: an RNG from rand 0.8 or cap-rand no longer fits; build it with rand "
                       "0.10 (e.g. `rand::make_rng::<rand::rngs::StdRng>()` with `rand = \"0.10\"`)",
                       "review")


STEP = Step(
    id="wasmtime-45-rand",
    family="wasmtime",
    from_version="44",
    to_version="45",
    safety=Safety.SAFE,
    title="Rename wasmtime_wasi::RngCore to Rng",
    summary="Rewrite `wasmtime_wasi::RngCore` to `wasmtime_wasi::Rng` (rand 0.10) and report custom RNG impls and "
            "RNG values from older rand versions.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/13060",
    prefilter=(b"RngCore", b"_random("),
    apply=apply,
    moves={"wasmtime_wasi::RngCore": "wasmtime_wasi::Rng"},
)
