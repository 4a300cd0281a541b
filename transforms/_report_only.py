"""Helpers for report-only steps: find call sites by method name or by resolved `Type::fn` path."""

from __future__ import annotations

import re
from functools import lru_cache

from tree_sitter import Node

from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import RustUnit, StepContext
from wasm_codemod.wordsearch import word_search, words


@lru_cache(maxsize=256)
def _written(targets: frozenset[tuple[str, ...]]) -> tuple[tuple[bytes, ...], re.Pattern[bytes] | None]:
    """What a file must spell to hold a path resolving into ``targets``: imports only replace a path's
    head by a path written in the same file, so some target's first segment is in its bytes, and its
    last one as a word (in the call or in the `use` that imports it)."""
    heads = tuple(sorted({t[0].encode() for t in targets if t}))
    lasts = {t[-1] for t in targets if t}
    return heads, words(lasts) if lasts else None


def may_name(data: bytes, targets: set[tuple[str, ...]]) -> bool:
    """False when no path of ``data`` can resolve into ``targets`` (see `_written`)."""
    heads, last = _written(frozenset(targets))
    return last is not None and any(h in data for h in heads) and word_search(last, data) is not None


def path_calls(ctx: StepContext, unit: RustUnit, targets: set[tuple[str, ...]]) -> list[Node]:
    """`Type::f(..)` / imported `f(..)` / `f::<T>(..)` calls whose function path resolves (through
    imports) into ``targets``."""
    if not may_name(unit.src.data, targets):
        return []  # not parsed for it
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
