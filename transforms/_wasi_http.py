"""Paths and helpers shared by the wasi-http steps (43 p2 move, 48 back at the root, 50 header filter)."""

from __future__ import annotations

from tree_sitter import Node

from wasm_codemod.rust.parse import text, walk
from wasm_codemod.transform import RustUnit, StepContext

from ._wasi import paths

# the view trait as it was spelled up to 42 (`types` was a public module holding it)
OLD_HTTP_VIEW = paths("wasmtime_wasi_http::WasiHttpView", "wasmtime_wasi_http::types::WasiHttpView")
# the hooks trait: `p2::WasiHttpHooks` in 43-47, at the root from 48
HOOKS_43 = paths("wasmtime_wasi_http::p2::WasiHttpHooks")
HOOKS_48 = paths("wasmtime_wasi_http::WasiHttpHooks")


def uses_http(unit: RustUnit) -> bool:
    return b"wasmtime_wasi_http" in unit.src.data


def user_defines_fn(ctx: StepContext, name: str, skip: set[int]) -> bool:
    """Does the crate define a fn/method ``name`` outside the impl blocks whose ids are in ``skip``?"""
    for u in ctx.units:
        for n in walk(u.src.root):
            if n.type == "function_item" and text(n.child_by_field_name("name")) == name:
                p = n.parent
                while p is not None and p.type != "impl_item":
                    p = p.parent
                if p is None or p.id not in skip:
                    return True
    return False


def method_calls(unit: RustUnit, names: set[str]) -> list[tuple[Node, Node, Node]]:
    """`recv.name(args)` calls: (call, field_expression, receiver)."""
    out = []
    for n in walk(unit.src.root):
        if n.type != "call_expression":
            continue
        f = n.child_by_field_name("function")
        if f is None or f.type != "field_expression":
            continue
        field = f.child_by_field_name("field")
        recv = f.child_by_field_name("value")
        if field is not None and recv is not None and text(field) in names:
            out.append((n, f, recv))
    return out


def add_method_text(ctx: StepContext, unit: RustUnit, body: Node, code: str) -> None:
    """Append ``code`` (a fn item, may span lines written with the impl's indent + 4) to an impl body."""
    close = body.children[-1]
    data = unit.src.data
    ls = unit.src.line_start(close.start_byte)
    if data[ls:close.start_byte].strip() == b"":
        ctx.insert(unit, ls, code + "\n")
    else:
        ctx.insert(unit, close.start_byte, " " + code.strip() + " ")
