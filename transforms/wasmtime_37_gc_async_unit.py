"""E37: `gc_async` returns `()` (it returned `Result<()>` in 33-36): `store.gc_async(None).await?` -> `.await`.

API ledger, 36->37, checked in the sources: `Store`/`StoreContextMut`/`Caller::gc_async(&mut self, why)`
is `-> Result<()>` in 36.0.0 and 36.0.20 and has no return value in 37.0.3 (it is `Result` again from 46,
see docs/reference-corrections.md). A `?` after the `.await` no longer compiles and is dropped; other
uses of the value are reported.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import classify_receiver, method_calls
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

from .wasmtime_33_store_gc import STORES


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for mc in method_calls(unit.src.root, {"gc_async"}):
            if len(mc.args) != 1 or classify_receiver(unit.names, mc.receiver, STORES) == "other":
                continue
            aw = mc.call.parent
            if aw is None or aw.type != "await_expression":
                continue
            tr = aw.parent
            if tr is not None and tr.type == "try_expression":
                ctx.replace(unit, (aw.end_byte, tr.end_byte), "")
            elif tr is not None and tr.type not in ("expression_statement", "block"):
                ctx.report(unit, aw, f"`{text(aw)}` has no value from wasmtime 37 (it was `Result<()>`): drop the "
                           "error handling", "review")


STEP = Step(
    id="wasmtime-37-gc-async-unit",
    family="wasmtime",
    from_version="36",
    to_version="37",
    safety=Safety.REVIEW,
    title="Drop the ? after gc_async(..).await",
    summary="Rewrite `store.gc_async(why).await?` to `store.gc_async(why).await`: `gc_async` returns `()` in 37.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v37.0.0/crates/wasmtime/src/runtime/store/async_.rs",
    prefilter=(b"gc_async",),
    apply=apply,
)
