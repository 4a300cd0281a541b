"""Shared bits of the wit-bindgen guest steps (manifest entries, option text)."""

from __future__ import annotations

from typing import Any

import tomlkit
from tomlkit.items import Array, InlineTable, Table

from wasm_codemod import cargo

WB = "wit-bindgen"


def wb_deps(doc: Any, name: str = WB) -> list[cargo.DepRef]:
    return [d for d in cargo.iter_deps(doc) if d.name == name]


def _inline(dep: cargo.DepRef, parts: list[str]) -> None:
    """Replace the entry by `{ <parts> }`, keeping its trailing comment."""
    old = dep.item
    t = tomlkit.parse("x = { " + ", ".join(parts) + " }")["x"]
    if hasattr(old, "trivia"):
        t.trivia.comment = old.trivia.comment
        t.trivia.comment_ws = old.trivia.comment_ws
    dep.container[dep.key] = t


def has_feature(dep: cargo.DepRef, feat: str) -> bool:
    """Does the entry enable ``feat``? (a document's entry or a plain dict's, for checks)"""
    item = dep.item
    f = item.get("features") if isinstance(item, dict) else None
    return isinstance(f, list) and feat in [str(x) for x in f]


def add_features(dep: cargo.DepRef, feats: list[str]) -> list[str]:
    """Add ``feats`` to the entry's `features` (turning `"0.47"` into an inline table). Returns what was added."""
    missing = [f for f in feats if not has_feature(dep, f)]
    if not missing:
        return []
    item = dep.item
    arr = item.get("features") if isinstance(item, (InlineTable, Table, dict)) else None
    if isinstance(arr, Array):
        for f in missing:
            arr.append(f)
        return missing
    feats_text = "features = [" + ", ".join(tomlkit.string(f).as_string() for f in missing) + "]"
    if isinstance(item, Table):
        item["features"] = tomlkit.parse(f"x = {feats_text.split(' = ', 1)[1]}")["x"]
        return missing
    if isinstance(item, InlineTable):
        parts = [f"{k.as_string().strip()} = {v.as_string().strip()}" for k, v in item.value.body if k is not None]
    else:
        parts = [f"version = {tomlkit.string(str(item)).as_string()}"]
    _inline(dep, parts + [feats_text])
    return missing


def default_features_off(dep: cargo.DepRef) -> bool:
    item = dep.item
    if not isinstance(item, (InlineTable, Table, dict)):
        return False
    v = item.get("default-features", item.get("default_features"))
    return v is not None and not bool(v)


def rust_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def template_generate_calls(root: Any) -> list[tuple[Any, Any]]:
    """`wit_bindgen::generate!(..)` written as tokens inside another macro's body (a proc-macro's
    `quote! { .. }`): (the `generate` token, the token tree of its options). tree-sitter does not
    parse these as calls, so steps can only look at their tokens."""
    from wasm_codemod.rust.parse import text, walk_types

    out = []
    for n in walk_types(root, ("identifier",)):
        if n.parent is None or n.parent.type != "token_tree" or text(n) != "generate":
            continue
        bang, prev = n.next_sibling, n.prev_sibling
        body = bang.next_sibling if bang is not None else None
        if bang is None or bang.type != "!" or body is None or body.type != "token_tree":
            continue
        before = prev.prev_sibling if prev is not None and prev.type == "::" else None
        if before is None or text(before) != "wit_bindgen":
            continue
        # `generate!({ .. })`: the options are the braced tree inside the parentheses
        inner = [c for c in body.children[1:-1] if c.type not in ("line_comment", "block_comment")]
        if len(inner) == 1 and inner[0].type == "token_tree":
            body = inner[0]
        out.append((n, body))
    return out


def template_option(body: Any, key: str) -> Any | None:
    """The `key` token of a top-level `key: ..` (or bare `key`) in a template's option tree."""
    from wasm_codemod.rust.parse import text

    for c in body.children:
        if c.type == "identifier" and text(c) == key:
            return c
    return None
