"""E35: wasmtime-wasi-http's generated `http::types::add_to_linker` and `Proxy::add_to_linker` take `&LinkOptions`.

API ledger, 34->35: `add_to_linker::<T, D>(linker, getter)` became `add_to_linker::<T, D>(linker, &LinkOptions,
getter)` (the options switch unstable WIT features; `LinkOptions::default()` keeps 34's behaviour). Calls with
the old two arguments get `&Default::default()` inserted, the shape real hosts wrote.
"""

from __future__ import annotations

from wasm_codemod.rust.parse import walk
from wasm_codemod.transform import Safety, Step, StepContext

from ._wasi import paths

FUNCS = paths(
    "wasmtime_wasi_http::bindings::http::types::add_to_linker",
    "wasmtime_wasi_http::bindings::sync::http::types::add_to_linker",
    "wasmtime_wasi_http::bindings::Proxy::add_to_linker",
    "wasmtime_wasi_http::bindings::sync::Proxy::add_to_linker",
)


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for call in walk(unit.src.root):
            if call.type != "call_expression":
                continue
            fn = call.child_by_field_name("function")
            if fn is not None and fn.type == "generic_function":
                fn = fn.child_by_field_name("function")
            if fn is None or ctx.resolves_to(unit, fn, FUNCS) is None:
                continue
            args = call.child_by_field_name("arguments")
            kids = [a for a in (args.named_children if args else []) if a.type not in ("line_comment", "block_comment")]
            if len(kids) != 2:
                continue  # already (linker, &options, getter)
            ctx.insert(unit, kids[1].start_byte, "&Default::default(), ")


STEP = Step(
    id="wasmtime-35-http-link-options",
    family="wasmtime",
    from_version="34",
    to_version="35",
    safety=Safety.SAFE,
    title="Pass LinkOptions to wasi-http's generated add_to_linker",
    summary="Insert `&Default::default()` as the options argument of `wasmtime_wasi_http::bindings::http::types::"
            "add_to_linker` / `bindings::Proxy::add_to_linker` calls.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v35.0.0/crates/wasi-http/src/lib.rs",
    prefilter=(b"add_to_linker",),
    apply=apply,
)
