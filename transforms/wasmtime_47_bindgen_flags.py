"""E47.x: `bindgen!` lost `ignore_wit`, and `store | async` on a sync WIT function changed meaning (#13677)."""

from __future__ import annotations

from wasm_codemod.rust.macro_options import parse_options
from wasm_codemod.transform import Safety, Step, StepContext


def apply(ctx: StepContext) -> None:
    for unit, node in ctx.macro_calls({"bindgen"}):
        opts = parse_options(unit.src, node)
        if opts is None:
            continue
        for e in _all_entries(opts.options):
            if e.key == "ignore_wit":
                ctx.report(unit, e.start, "`ignore_wit` was removed from bindgen! at 47: delete it and make sure "
                           "the WIT files are present")
        for key in ("imports", "exports"):
            m = opts.get(key)
            if m is None or m.value.kind != "map":
                continue
            for e in m.value.entries:
                flags = e.value.text.replace(" ", "")
                if "store" in flags.split("|") and "async" in flags.split("|"):
                    ctx.report(unit, e.start, f"`{e.key}: {e.value.text}`: from 47, `store | async` on a WIT "
                               "function that is not `async` generates a Rust async fn taking an `Accessor`; "
                               "check the generated trait and adapt the impl", "review")


def _all_entries(value):
    for e in value.entries:
        yield e
        if e.value.kind == "map":
            yield from _all_entries(e.value)


STEP = Step(
    id="wasmtime-47-bindgen-flags",
    family="wasmtime",
    from_version="46",
    to_version="47",
    safety=Safety.MANUAL,
    title="Report bindgen! flags changed at 47",
    summary="Report `ignore_wit` (removed) and `store | async` rules (meaning changed for sync WIT functions) in "
            "bindgen! options.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/13677",
    prefilter=(b"ignore_wit", b"store"),
    apply=apply,
)
