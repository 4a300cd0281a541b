"""B4: the 0.42 async runtime: `spawn`/`yield_*` at the crate root, `task_yield` and `close_with_error` gone."""

from __future__ import annotations

from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import Safety, Step, StepContext


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for n in walk_types(unit.src.root, ("call_expression",)):
            fn = n.child_by_field_name("function")
            if fn is None or fn.type != "field_expression":
                continue
            field = fn.child_by_field_name("field")
            if field is None:
                continue
            name = text(field)
            if name == "close_with_error":
                ctx.report(unit, n, "`close_with_error` was removed from stream/future writers in wit-bindgen 0.42: "
                           "drop the writer instead (the reader sees the end of the stream)")


STEP = Step(
    id="wit-bindgen-0.42-async-runtime",
    family="wit-bindgen",
    from_version="0.41",
    to_version="0.42",
    safety=Safety.SAFE,
    title="Move async runtime calls to the 0.42 API",
    summary="Rewrite `wit_bindgen::rt::async_support::spawn` to `wit_bindgen::spawn` and `task_yield` to "
            "`yield_blocking`; report `close_with_error` calls.",
    upstream="https://github.com/bytecodealliance/wit-bindgen/pull/1249",
    prefilter=(b"async_support", b"close_with_error"),
    moves={
        "wit_bindgen::rt::async_support::spawn": "wit_bindgen::spawn",
        "wit_bindgen::rt::async_support::task_yield": "wit_bindgen::yield_blocking",
    },
    apply=apply,
)
