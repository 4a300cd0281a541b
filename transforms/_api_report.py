"""Report-only steps built from a table: one entry per small breaking change found by the API ledger.

Each entry says where the change bites and what to write instead:
- ``methods``: `recv.name(..)` calls (by method name, in files that name a wasmtime-family crate); a
  value `(message, n)` reports only calls with n arguments (the old arity), and calls whose first
  argument is a string literal are skipped (`clap`'s `.default_value("x")` is not wasmtime's);
- ``impls``: `impl Trait for T` blocks of a trait path (resolved through imports);
- ``calls``: `Type::f(..)` / imported `f(..)` calls whose path resolves to one of the keys.
The message is the whole instruction: the engine adds file:line, the step id and its link.
"""

from __future__ import annotations

from collections.abc import Callable

from wasm_codemod.rust.calls import method_calls
from wasm_codemod.transform import StepContext
from wasm_codemod.wordsearch import word_search, words

from ._report_only import path_calls

FAMILY_ROOTS = (b"wasmtime", b"wiggle", b"wit_bindgen")


def report_api(methods: dict[str, str | tuple[str, int]] | None = None, impls: dict[str, str] | None = None,
               calls: dict[str, str] | None = None) -> Callable[[StepContext], None]:
    methods, impls, calls = methods or {}, impls or {}, calls or {}
    by_name = {k: (v, None) if isinstance(v, str) else v for k, v in methods.items()}
    traits = {tuple(p.split("::")): msg for p, msg in impls.items()}
    fns = {tuple(p.split("::")): msg for p, msg in calls.items()}
    # a `.name(..)` call spells the name as a word: a file with only `into_value` is not read for `into_val`
    method_word = words(methods) if methods else None

    def apply(ctx: StepContext) -> None:
        if traits:
            for block in ctx.impls(set(traits)):
                ctx.report(block.unit, block.node, traits[block.trait])
        for unit in ctx.units:
            if not any(r in unit.src.data for r in FAMILY_ROOTS):
                continue  # a file that never names the crates is not using their API
            if method_word is not None and word_search(method_word, unit.src.data) is not None:
                for mc in method_calls(unit.src.root, frozenset(methods)):
                    msg, arity = by_name[mc.method]
                    if (arity is not None and len(mc.args) != arity) or \
                            (mc.args and mc.args[0].type in ("string_literal", "raw_string_literal")):
                        continue
                    ctx.report(unit, mc.call, f"`.{mc.method}(..)`: {msg}")
            if fns:
                for call in path_calls(ctx, unit, set(fns)):
                    f = call.child_by_field_name("function")
                    full = ctx.resolves_to(unit, f, set(fns)) if f is not None else None
                    if full is not None:
                        ctx.report(unit, call, fns[full])

    return apply


def prefilter(*tables: dict[str, object]) -> tuple[bytes, ...]:
    """The last path segment of every key: a file is parsed only if it names one."""
    return tuple(sorted({k.rsplit("::", 1)[-1].encode() for t in tables for k in t}))
