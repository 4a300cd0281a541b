"""wit-bindgen 0.40: the async runtime's `error_context_new(msg)` became the constructor `ErrorContext::new(msg)`.

Read in wit-bindgen-rt 0.39.0 / 0.40.0 `src/async_support.rs` (re-exported as `wit_bindgen::rt::async_support`).
Calls are rewritten here (`async_support::error_context_new(m)` -> `async_support::ErrorContext::new(m)`,
an imported bare `error_context_new(m)` -> `ErrorContext::new(m)`); the move table then turns the import
of the function into an import of the type. A use that is not a call (e.g. passing the function as a
value) is reported: `ErrorContext::new` is the replacement there too.
"""

from __future__ import annotations

from wasm_codemod.rust.parse import walk
from wasm_codemod.transform import Safety, Step, StepContext

OLD = {("wit_bindgen_rt", "async_support", "error_context_new"),
       ("wit_bindgen", "rt", "async_support", "error_context_new")}


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        if b"error_context_new" not in unit.src.data:
            continue
        for n in walk(unit.src.root):
            if n.type not in ("scoped_identifier", "identifier") or ctx.resolves_to(unit, n, OLD) is None:
                continue
            parent = n.parent
            if parent is not None and parent.type in ("scoped_identifier", "use_declaration", "use_list",
                                                      "scoped_use_list", "use_as_clause"):
                continue  # a segment of a longer path, or an import: the move table handles imports
            if parent is not None and parent.type == "call_expression" and parent.child_by_field_name("function") == n:
                name = n.child_by_field_name("name") if n.type == "scoped_identifier" else n
                ctx.replace(unit, name, "ErrorContext::new")
            else:
                ctx.report(unit, n, "`error_context_new` became `ErrorContext::new` in wit-bindgen 0.40: "
                           "use the constructor here", "manual")


STEP = Step(
    id="wit-bindgen-0.40-error-context-new",
    family="wit-bindgen",
    from_version="0.39",
    to_version="0.40",
    safety=Safety.SAFE,
    title="Rewrite async_support::error_context_new to ErrorContext::new",
    summary="Rewrite calls of `async_support::error_context_new(msg)` (wit-bindgen-rt and `wit_bindgen::rt`) to "
            "the constructor `ErrorContext::new(msg)` that replaced it at 0.40; report other uses.",
    upstream="https://github.com/bytecodealliance/wit-bindgen/pull/1186",
    prefilter=(b"error_context_new",),
    moves={
        "wit_bindgen_rt::async_support::error_context_new": "wit_bindgen_rt::async_support::ErrorContext",
        "wit_bindgen::rt::async_support::error_context_new": "wit_bindgen::rt::async_support::ErrorContext",
    },
    apply=apply,
)
