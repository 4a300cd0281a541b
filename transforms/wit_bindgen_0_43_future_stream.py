"""B5: `StreamResult::Closed` became `Dropped`; `wit_future::new` takes a default-value closure (0.43)."""

from __future__ import annotations

from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import Safety, Step, StepContext


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for n in walk_types(unit.src.root, ("call_expression",)):
            fn = n.child_by_field_name("function")
            args = n.child_by_field_name("arguments")
            if fn is None or args is None or fn.type not in ("scoped_identifier", "generic_function"):
                continue
            path = text(fn).replace(" ", "")
            if "wit_future::new" not in path:
                continue
            if not [a for a in args.named_children if a.type not in ("line_comment", "block_comment")]:
                ctx.report(unit, n, "`wit_future::new` takes a closure from wit-bindgen 0.43: it gives the value "
                           "sent when the writer is dropped unwritten, e.g. `wit_future::new(|| Default::default())`"
                           "; also, awaiting a `FutureReader<T>` now yields `T` (drop `.unwrap()`s on the result)")


STEP = Step(
    id="wit-bindgen-0.43-future-stream",
    family="wit-bindgen",
    from_version="0.42",
    to_version="0.43",
    safety=Safety.REVIEW,
    title="Rename StreamResult::Closed, report wit_future::new()",
    summary="Rewrite `StreamResult::Closed` and `FutureWriteCancel::Closed` to `::Dropped`; report "
            "`wit_future::new()` calls, which need a default-value closure from 0.43.",
    upstream="https://github.com/bytecodealliance/wit-bindgen/pull/1306",
    prefilter=(b"StreamResult", b"FutureWriteCancel", b"wit_future"),
    moves={
        "wit_bindgen::StreamResult::Closed": "wit_bindgen::StreamResult::Dropped",
        "wit_bindgen::rt::async_support::StreamResult::Closed": "wit_bindgen::rt::async_support::StreamResult::Dropped",
        # API ledger 0.42->0.43: the same rename on the future side, `Closed(T)` -> `Dropped(T)` (same payload)
        "wit_bindgen::FutureWriteCancel::Closed": "wit_bindgen::FutureWriteCancel::Dropped",
        "wit_bindgen::rt::async_support::FutureWriteCancel::Closed":
            "wit_bindgen::rt::async_support::FutureWriteCancel::Dropped",
    },
    apply=apply,
)
