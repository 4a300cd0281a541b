"""E44: `AnyRef::as_eqref` / `unwrap_eqref` take `impl AsContextMut` (was `impl AsContext`).

Checked in the 43.0.2 and 44.0.3 sources. `&mut store`, `&mut caller` and `as_context_mut()`
still fit; a shared `&store` (or `as_context()`) does not, and making the binding mutable is a
change a person should make, so those calls are reported.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import method_calls
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

METHODS = frozenset({"as_eqref", "unwrap_eqref"})


def _shared(arg: str) -> bool:
    """`&store` or `x.as_context()`: shared access, which no longer fits (a plain name cannot be told)."""
    a = arg.replace(" ", "")
    return (a.startswith("&") and not a.startswith("&mut")) or a.endswith(".as_context()")


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        if b"wasmtime" not in unit.src.data:
            continue
        for mc in method_calls(unit.src.root, METHODS):
            if len(mc.args) != 1 or not _shared(text(mc.args[0])):
                continue
            ctx.report(unit, mc.call, f"`.{mc.method}(..)` takes `impl AsContextMut` from 44: pass "
                       f"`&mut` access to the store instead of `{text(mc.args[0])}`")


STEP = Step(
    id="wasmtime-44-eqref-context-mut",
    family="wasmtime",
    from_version="43",
    to_version="44",
    safety=Safety.MANUAL,
    title="AnyRef::as_eqref needs mutable store access",
    summary="Report `AnyRef::as_eqref`/`unwrap_eqref` calls given a shared store (`&store`, `as_context()`): "
            "from 44 they take `impl AsContextMut`.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v44.0.0/crates/wasmtime/src/runtime/gc/enabled/anyref.rs",
    prefilter=(b"as_eqref", b"unwrap_eqref"),
    apply=apply,
)
