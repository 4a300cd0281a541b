"""Helpers for report-only steps: find call sites by method name or by resolved `Type::fn` path."""

from __future__ import annotations

from tree_sitter import Node

from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import RustUnit, StepContext


def path_calls(ctx: StepContext, unit: RustUnit, targets: set[tuple[str, ...]]) -> list[Node]:
    """`Type::f(..)` / imported `f(..)` / `f::<T>(..)` calls whose function path resolves (through
    imports) into ``targets``."""
    out = []
    for n in walk_types(unit.src.root, ("call_expression",)):
        if n.type == "call_expression":
            f = n.child_by_field_name("function")
            if f is not None and f.type == "generic_function":
                f = f.child_by_field_name("function")
            if f is not None and f.type in ("scoped_identifier", "identifier") and ctx.resolves_to(unit, f, targets):
                out.append(n)
    return out


def chain_text(call: Node) -> str:
    """The whole method chain a call belongs to (walks up through `.method(..)` links)."""
    top = call
    while top.parent is not None and top.parent.type in ("field_expression", "call_expression"):
        top = top.parent
    return text(top)
