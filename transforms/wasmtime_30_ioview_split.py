"""E30.1: `fn table` moves out of `WasiView` / `WasiHttpView` into a new `impl IoView`.

A file that calls `x.table()` had the method in scope through its `WasiView` / `WasiHttpView`
import; from 30 it needs `IoView` (E0599 otherwise). A `WasiView` import that only served that
call becomes `IoView`.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from wasm_codemod.rust.impls import ImplBlock, item_with_attrs_start, type_definitions, type_key
from wasm_codemod.rust.names import UseLeaf
from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext

from ._use_lists import delete_list_item
from ._wasi import IO_VIEW, WASI_HTTP_VIEW, WASI_VIEW

IO_VIEW_AT_30 = "wasmtime_wasi::IoView"
TABLE_CALL = re.compile(rb"\.\s*table\s*\(\s*\)")
# the other methods of WasiView up to 29: a call to one of them still needs the WasiView import
WASI_VIEW_METHODS = re.compile(rb"\.\s*ctx\s*\(")
VIEW_NAMES = re.compile(r"\b(WasiView|WasiHttpView)\b")


def apply(ctx: StepContext) -> None:
    views = ctx.impls(WASI_VIEW | WASI_HTTP_VIEW)
    io_views = ctx.impls(IO_VIEW)
    # a file that defines an impl's type names it: only those are read for definitions
    bases = {b.base_type.encode() for b in views + io_views}
    defs = type_definitions([u for u in ctx.crate_files if any(t in u.src.data for t in bases)])
    done = {type_key(b, defs) for b in io_views}
    by_type: dict[tuple[str, str], list[ImplBlock]] = {}
    deleted: dict[str, list[Node]] = {}
    for block in views:
        table = block.methods().get("table")
        if table is None:
            continue  # already in 30 shape
        ctx.delete_item(block.unit, table)
        deleted.setdefault(block.unit.path, []).append(table)
        key = type_key(block, defs)
        if key not in done:  # one IoView impl per type, even when WasiView and WasiHttpView both had `table`
            by_type.setdefault(key, []).append(block)
    for blocks in by_type.values():
        source, anchor = _placement(blocks)
        unit = anchor.unit
        table = source.methods()["table"]
        trait = _io_view_name(ctx, source, anchor)
        indent = unit.src.indent_at(anchor.node.start_byte)
        src = source.unit.src
        fn_text = _reindent(src.data[src.line_start(item_with_attrs_start(table)):table.end_byte].decode(),
                            src.indent_at(table.start_byte), indent + "    ")
        # keep the header's layout between the type and `{` (e.g. a multi-line where clause)
        between = src.data[source.type_node.end_byte:source.body.start_byte].decode()
        header = f"impl{source.generics} {trait} for {text(source.type_node)}{between}"
        ctx.insert(unit, item_with_attrs_start(anchor.node), f"{header}{{\n{fn_text}\n{indent}}}\n\n{indent}")
    for u in ctx.units:
        if any(v == "IoView" for v in u.pending_imports.values()):
            continue  # the new impl is here (its import is scheduled)
        imported = bool(TABLE_CALL.search(u.src.data)) and _io_view_for_table_calls(ctx, u)
        if u.path in deleted:
            _drop_unused_resource_table(ctx, u, deleted[u.path], imported)


def _table_calls(root: Node) -> list[Node]:
    out = []
    for n in walk_types(root, ("call_expression",)):
        if n.type == "call_expression":
            f, args = n.child_by_field_name("function"), n.child_by_field_name("arguments")
            if (f is not None and f.type == "field_expression" and args is not None and not args.named_children
                    and text(f.child_by_field_name("field")) == "table" and not _bound_by_view(n)):
                out.append(n)
    return out


def _bound_by_view(n: Node) -> bool:
    """Inside an fn or impl that bounds a type by WasiView/WasiHttpView: the bound brings IoView's
    methods along as a supertrait's, no import needed. Not for `self.table()` in an impl for a
    concrete type (`impl<T: WasiView> Host for WasiImpl<T>`): the bound is on `T`, the call on the
    wrapper, which needs `IoView` in scope."""
    f = n.child_by_field_name("function")
    recv = f.child_by_field_name("value") if f is not None else None
    if recv is not None and recv.type == "self":
        impl = next((p for p in _ancestors(n) if p.type == "impl_item"), None)
        ty = impl.child_by_field_name("type") if impl is not None else None
        tps = impl.child_by_field_name("type_parameters") if impl is not None else None
        params = {text(p.child_by_field_name("name") or p) for p in (tps.named_children if tps else [])}
        if ty is not None and text(ty) not in params:
            return False
    for p in _ancestors(n):
        if p.type in ("function_item", "impl_item"):
            for field in ("type_parameters", "parameters"):
                c = p.child_by_field_name(field)
                if c is not None and VIEW_NAMES.search(text(c)):
                    return True
            if any(c.type == "where_clause" and VIEW_NAMES.search(text(c)) for c in p.children):
                return True
    return False


def _io_view_for_table_calls(ctx: StepContext, u: RustUnit) -> bool:
    """Bring IoView into scope where `.table()` was resolved through an imported WasiView/WasiHttpView."""
    names = u.names
    if any(lf.path in IO_VIEW for lf in names.leaves):
        return False
    for call in _table_calls(u.src.root):
        visible = {s.node.id for s in names.scopes_at(call)}
        views = [lf for lf in names.leaves if lf.path in WASI_VIEW | WASI_HTTP_VIEW and not lf.glob
                 and lf.decl.parent is not None and lf.decl.parent.id in visible]
        if not views:
            continue
        wasi = next((lf for lf in views if lf.path in WASI_VIEW), None)
        if wasi is not None and _only_for_methods(u, wasi):
            _swap_leaf(ctx, u, wasi, call)
        else:
            ctx.import_name(u, IO_VIEW_AT_30, call)
        return True  # one import serves the file's module scope
    return False


def _drop_unused_resource_table(ctx: StepContext, u: RustUnit, gone: list[Node], imported: bool) -> None:
    """A `ResourceTable` import that only the deleted `fn table` signatures used is deleted with them."""
    for leaf in u.names.leaves:
        if leaf.path[-1:] != ("ResourceTable",) or leaf.alias is not None or leaf.glob:
            continue
        if imported and leaf.path[:-1] == ("wasmtime_wasi",):
            continue  # IoView was just added to this `wasmtime_wasi::{..}` group: leave the group alone
        if _named_outside(u, "ResourceTable", gone):
            return
        lst = leaf.node.parent
        if lst is not None and lst.type == "use_list":
            items = [c for c in lst.named_children if c.type not in ("line_comment", "block_comment")]
            if len(items) > 1:
                delete_list_item(ctx, u, leaf.node)
            continue
        arg = leaf.decl.child_by_field_name("argument")
        if arg is not None and arg.id == leaf.node.id:
            ctx.delete_lines(u, leaf.decl)


def _named_outside(u: RustUnit, name: str, gone: list[Node]) -> bool:
    spans = [(g.start_byte, g.end_byte) for g in gone]
    for n in walk_types(u.src.root, ("identifier", "type_identifier")):
        if n.type in ("identifier", "type_identifier") and text(n) == name:
            if any(a <= n.start_byte < b for a, b in spans):
                continue
            if not any(p.type == "use_declaration" for p in _ancestors(n)):
                return True
    return False


def _only_for_methods(u: RustUnit, leaf: UseLeaf) -> bool:
    """The `WasiView` import is named nowhere else and no `.ctx()` call needs it: it only served `.table()`."""
    if leaf.alias is not None or leaf.is_self or leaf.node.parent is None or leaf.node.parent.type != "use_list":
        return False
    if WASI_VIEW_METHODS.search(u.src.data):
        return False
    name = leaf.path[-1]
    for n in walk_types(u.src.root, ("identifier", "type_identifier")):
        if n.type in ("identifier", "type_identifier") and text(n) == name and n.id != leaf.node.id:
            if not any(p.type == "use_declaration" for p in _ancestors(n)):
                return False
    return True


def _swap_leaf(ctx: StepContext, u: RustUnit, leaf: UseLeaf, call: Node) -> None:
    """Replace the `WasiView` item with `IoView`, keeping the list sorted."""
    lst = leaf.node.parent
    assert lst is not None
    items = [c for c in lst.named_children if c.type not in ("line_comment", "block_comment")]
    i = next(k for k, c in enumerate(items) if c.id == leaf.node.id)
    prev, nxt = (items[i - 1] if i > 0 else None), (items[i + 1] if i + 1 < len(items) else None)
    if (prev is None or text(prev) <= "IoView") and (nxt is None or "IoView" < text(nxt)):
        ctx.replace(u, leaf.node, "IoView")  # it sorts into the same place
        return
    delete_list_item(ctx, u, leaf.node)
    ctx.import_name(u, IO_VIEW_AT_30, call)


def _ancestors(n: Node):
    p = n.parent
    while p is not None:
        yield p
        p = p.parent


def _placement(blocks: list[ImplBlock]) -> tuple[ImplBlock, ImplBlock]:
    """(the impl whose `table` and header the new impl copies, the impl it goes right before).

    Where maintainers put it in the real-world corpus (11 of 15 types): beside the `WasiView` impl,
    right before the type's `WasiHttpView` impl when that is in the same file, else before `WasiView`
    (grouping `table` with the other trait that had it); with no `WasiView`, before `WasiHttpView`."""
    wasi = next((b for b in blocks if b.trait in WASI_VIEW), None)
    if wasi is None:
        return blocks[0], blocks[0]
    http = next((b for b in blocks if b.trait in WASI_HTTP_VIEW and b.unit is wasi.unit), None)
    return wasi, http if http is not None else wasi


def _io_view_name(ctx: StepContext, source: ImplBlock, anchor: ImplBlock) -> str:
    """Spell IoView the way the impl spelled its trait: through the same module path, or imported."""
    written = text(source.trait_node)
    if "::" in written and source.trait[0] == "wasmtime_wasi":
        return written.rsplit("::", 1)[0] + "::IoView"
    return ctx.import_name(anchor.unit, IO_VIEW_AT_30, anchor.node)


def _reindent(code: str, old: str, new: str) -> str:
    out = []
    for ln in code.splitlines():
        out.append(new + ln[len(old):] if ln.startswith(old) else ln)
    return "\n".join(out)


STEP = Step(
    id="wasmtime-30-ioview-split",
    family="wasmtime",
    from_version="29",
    to_version="30",
    safety=Safety.SAFE,
    title="Split IoView out of WasiView",
    summary="Move `fn table` from `impl WasiView`/`impl WasiHttpView` into one new `impl IoView` per type.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/10016",
    prefilter=(b"WasiView", b"WasiHttpView"),
    apply=apply,
    superseded_at="36",  # wasmtime-36-wasi-ctx-view rewrites the 29 shape directly
)
