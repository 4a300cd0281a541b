"""cargo-component crates: `[package.metadata.component]` plus generated `src/bindings.rs`."""

from __future__ import annotations

from typing import Any


def component_metadata(doc: Any) -> Any | None:
    pkg = doc.get("package") if hasattr(doc, "get") else None
    meta = pkg.get("metadata") if pkg is not None and hasattr(pkg, "get") else None
    comp = meta.get("component") if meta is not None and hasattr(meta, "get") else None
    return comp


def is_cargo_component(doc: Any) -> bool:
    return component_metadata(doc) is not None
