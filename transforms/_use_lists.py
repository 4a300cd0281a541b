"""Removing one item from a `use` list without leaving a stray comma (shared by several steps)."""

from __future__ import annotations

from tree_sitter import Node

from wasm_codemod.transform import RustUnit, StepContext


def delete_list_item(ctx: StepContext, unit: RustUnit, item: Node) -> None:
    """Delete ``item`` from its `use {..}` list: its own line when it has one, else with one comma."""
    data = unit.src.data
    start, end = item.start_byte, item.end_byte
    nxt = item.next_sibling
    if nxt is not None and nxt.type == ",":
        end = nxt.end_byte
    ls = unit.src.line_start(start)
    nl = data.find(b"\n", end)
    if data[ls:start].strip() == b"" and nl != -1 and data[end:nl].strip() == b"":
        ctx.replace(unit, (ls, nl + 1), "")  # the item had its own line
        return
    while end < len(data) and data[end:end + 1] in (b" ", b"\t"):
        end += 1
    if nxt is None or nxt.type != ",":
        prev = item.prev_sibling
        if prev is not None and prev.type == ",":
            start = prev.start_byte  # last item: take the comma before it
    ctx.replace(unit, (start, end), "")
