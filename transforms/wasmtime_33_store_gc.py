"""E33.5: `Store::gc` / `gc_async` take `why: Option<&GcHeapOutOfMemory<()>>`.

`gc_async` returns `Result<()>` in 33-36 and 46+, `()` in 37-45 (checked in the published
sources); an unused `Result` only warns, so no `?` is added for it.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import classify_receiver, defined_methods, method_calls
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

STORES = {("wasmtime", "Store"), ("wasmtime", "StoreContextMut")}


def looks_like_store(recv_text: str) -> bool:
    t = recv_text.lstrip("&*").removeprefix("mut ").strip()
    last = t.rsplit(".", 1)[-1]
    return "store" in last.lower() or last in ("as_context_mut()", "caller")


def apply(ctx: StepContext) -> None:
    user_gc = defined_methods(ctx.crate_roots(), "gc")
    for unit in ctx.units:
        for mc in method_calls(unit.src.root, {"gc", "gc_async"}):
            if mc.args:
                continue
            kind = classify_receiver(unit.names, mc.receiver, STORES)
            if kind == "other":
                continue  # a user type's own `gc()`
            storeish = kind == "ours" or looks_like_store(text(mc.receiver))
            if not storeish and user_gc and mc.method == "gc":
                ctx.report(unit, mc.call, f"cannot tell whether `{text(mc.receiver)}` is a wasmtime `Store` (this "
                           "crate defines its own `gc`): if it is, write `.gc(None)`")
                continue
            args = mc.call.child_by_field_name("arguments")
            ctx.replace(unit, args, "(None)")
            if not storeish:
                ctx.report(unit, mc.call, f"`{text(mc.receiver)}.{mc.method}()` was taken for a wasmtime "
                           f"`Store`; if it is not one, revert to `.{mc.method}()`", "review")

STEP = Step(
    id="wasmtime-33-store-gc",
    family="wasmtime",
    from_version="32",
    to_version="33",
    safety=Safety.REVIEW,
    title="Pass the GC reason to Store::gc",
    summary="Rewrite `store.gc()` to `store.gc(None)` and `store.gc_async()` to `store.gc_async(None)`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/10503",
    prefilter=(b".gc(", b".gc_async("),
    apply=apply,
    units_only=True,
)
