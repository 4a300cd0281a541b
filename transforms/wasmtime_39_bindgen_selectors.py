"""E39.1: in `bindgen!` selectors, an interface member is written `iface.item`, not `iface/item`.

`"example:kv/store/get"` -> `"example:kv/store.get"` in `imports:`/`exports:` (function rules),
`with:` (resources) and `trappable_error_type:` (error types). Selectors of whole interfaces,
packages or namespaces (`"wasi:io/poll"`, `"wasi:cli"`) and world-level names (`"f"`) are
unchanged. Items named in a world's inline interface (`"log/write"`) become `"log.write"`.
"""

from __future__ import annotations

import re

from wasm_codemod.rust.bindgen import dotted_selector, wasmtime_bindgen_calls
from wasm_codemod.rust.parse import walk
from wasm_codemod.transform import Safety, Step, StepContext

SELECTOR_KEYS = ("imports", "exports", "with", "trappable_error_type")


def apply(ctx: StepContext) -> None:
    unsure: list = []
    calls = wasmtime_bindgen_calls(ctx, unsure)
    for unit, node, opts in unsure:
        if opts is not None and any(dotted_selector(s) for s in _selectors(opts)):
            ctx.report(unit, node, "this `bindgen!` is imported through a crate path, so the tool cannot tell "
                       "whether it is wasmtime's; if it is, write interface members as `ns:pkg/iface.item`")
    for unit, _node, opts in calls:
        if opts is None or opts.shorthand is not None:
            continue
        data = unit.src.data
        for entry in opts.options.entries:
            if entry.key not in SELECTOR_KEYS or entry.value.kind != "map":
                continue
            tt = _token_tree_at(opts.body, entry.value.start, entry.value.end)
            if tt is None:
                continue
            for lit in walk(tt):
                if lit.type != "string_literal":
                    continue
                raw = data[lit.start_byte:lit.end_byte].decode("utf-8")
                if not (raw.startswith('"') and raw.endswith('"')):
                    continue
                new = dotted_selector(raw[1:-1])
                if new is not None:
                    ctx.replace(unit, lit, f'"{new}"')


def _selectors(opts) -> list[str]:
    out = []
    for entry in opts.options.entries:
        if entry.key in SELECTOR_KEYS and entry.value.kind == "map":
            out.extend(re.findall(r'"([^"\\]*)"', entry.value.text))
    return out


def _token_tree_at(root, start: int, end: int):
    for n in walk(root):
        if n.type == "token_tree" and n.start_byte == start and n.end_byte == end:
            return n
    return None


STEP = Step(
    id="wasmtime-39-bindgen-selectors",
    family="wasmtime",
    from_version="38",
    to_version="39",
    safety=Safety.SAFE,
    title="Write bindgen! interface members with `.`",
    summary="In `bindgen!` `imports:`/`exports:`/`with:`/`trappable_error_type:` keys, write "
            "`\"ns:pkg/iface.item\"` instead of `\"ns:pkg/iface/item\"`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/11947",
    prefilter=(b"bindgen!",),
    apply=apply,
)
