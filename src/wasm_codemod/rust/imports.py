"""Making an item nameable at a site: reuse an import, extend a `use` group, or add a `use` line."""

from __future__ import annotations

from tree_sitter import Node

from ..source import Edit, EditSet, SourceFile
from .names import NameTable
from .parse import text


def _module_scope(names: NameTable, at: Node) -> Node:
    scopes = names.scopes_at(at)
    return scopes[-1].node if scopes else names.root


def name_in_scope(names: NameTable, name: str, at: Node) -> bool:
    for s in names.scopes_at(at):
        if name in s.imports or name in s.defined:
            return True
    return False


def ensure_import(src: SourceFile, names: NameTable, edits: EditSet, item: str, at: Node, step: str,
                  pending: dict[tuple[int, str], str]) -> str:
    """Return how to write ``item`` at ``at``; add an import edit when it is not nameable yet.

    ``pending`` remembers imports already scheduled in this pass (same file), so a step
    that needs one name at many sites adds one `use`.
    """
    path = tuple(item.split("::"))
    local = names.local_name_for(path, at)
    if local:
        return local
    name = path[-1]
    prefix = path[:-1]
    scope = _module_scope(names, at)
    key = (scope.id, item)
    if key in pending:
        return pending[key]
    for sc in names.scopes_at(at):
        if any(g.path == prefix for g in sc.globs) and name not in sc.imports and name not in sc.defined:
            return name  # a glob import of the item's module already brings it in
    if name_in_scope(names, name, at) or any(k[0] == scope.id and v == name for k, v in pending.items()):
        return item  # the short name means something else here: write the full path
    leaves = names.leaves_in(scope)
    for lf in leaves:
        parent = lf.node.parent
        if lf.prefix == prefix and parent is not None and parent.type == "use_list":
            if _insert_in_list(src, edits, parent, name, step):
                pending[key] = name
                return name
    for lf in leaves:
        arg = lf.decl.child_by_field_name("argument")
        if (arg is not None and arg.type == "scoped_identifier" and lf.path[:-1] == prefix and lf.alias is None
                and not lf.glob):
            other = lf.path[-1]
            group = ", ".join(sorted([other, name], key=_sort_key))
            if edits.try_add(Edit(arg.start_byte, arg.end_byte, f"{'::'.join(prefix)}::{{{group}}}".encode(), step)):
                pending[key] = name
                return name
    # a new `use` line after the last one in this scope, else at the top of the scope
    decls = [d for d in names.decls if d.parent is not None and d.parent.id == scope.id]
    line = f"use {item};"
    if decls:
        last = max(decls, key=lambda d: d.end_byte)
        indent = src.indent_at(last.start_byte)
        ok = edits.try_add(Edit(last.end_byte, last.end_byte, src.native(f"\n{indent}{line}"), step))
    else:
        pos, indent = _scope_top(src, scope)
        ok = edits.try_add(Edit(pos, pos, src.native(f"{indent}{line}\n\n" if scope.type == "source_file"
                                                     else f"\n{indent}{line}"), step))
    if not ok:
        return item
    pending[key] = name
    return name


def _scope_top(src: SourceFile, scope: Node) -> tuple[int, str]:
    if scope.type == "source_file":
        # after leading inner attributes / comments / mod declarations stays simple: top of file,
        # but below `#![...]` inner attributes and `//!` docs
        pos = 0
        for c in scope.children:
            if c.type in ("inner_attribute_item",) or (c.type == "line_comment" and text(c).startswith("//!")):
                pos = src.data.find(b"\n", c.end_byte - 1) + 1
            else:
                break
        return pos, ""
    brace = scope.children[0]
    inner = scope.named_children[0] if scope.named_children else None
    indent = src.indent_at(inner.start_byte) if inner is not None else "    "
    return brace.end_byte, indent


def _sort_key(s: str) -> tuple[int, str]:
    return (0 if s == "self" else 1, s)


def _insert_in_list(src: SourceFile, edits: EditSet, lst: Node, name: str, step: str) -> bool:
    items = [c for c in lst.named_children if c.type not in ("line_comment", "block_comment")]
    if not items:
        return False
    multiline = "\n" in text(lst)
    for it in items:
        if _sort_key(name) < _sort_key(text(it)):
            if multiline:
                indent = src.indent_at(it.start_byte)
                return edits.try_add(Edit(it.start_byte, it.start_byte, src.native(f"{name},\n{indent}"), step))
            return edits.try_add(Edit(it.start_byte, it.start_byte, f"{name}, ".encode(), step))
    last = items[-1]
    nxt = last.next_sibling
    if multiline:
        indent = src.indent_at(last.start_byte)
        if nxt is not None and nxt.type == ",":
            return edits.try_add(Edit(nxt.end_byte, nxt.end_byte, src.native(f"\n{indent}{name},"), step))
        return edits.try_add(Edit(last.end_byte, last.end_byte, src.native(f",\n{indent}{name}"), step))
    return edits.try_add(Edit(last.end_byte, last.end_byte, f", {name}".encode(), step))
