"""E36.1 + E36.2 (+ E36.4): `WasiView::ctx` returns `WasiCtxView`; `IoView` is gone; p2 items back at the root.

Accepts both earlier shapes: one `impl WasiView` with `ctx` and `table` (29), or
`impl WasiView { ctx }` plus `impl IoView { table }`, possibly in another file (30-35).
"""

from __future__ import annotations

import re

from tree_sitter import Node

from wasm_codemod.rust.calls import defined_methods, method_calls
from wasm_codemod.rust.impls import ImplBlock, is_self_field_borrow, self_rooted, single_expression
from wasm_codemod.rust.names import flatten_use, path_of
from wasm_codemod.rust.parse import ancestors, macro_name, text, walk, walk_types
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext

from ._wasi import IO_VIEW, WASI_HTTP_VIEW, WASI_VIEW, paths

CTX_VIEW = "wasmtime_wasi::WasiCtxView"


def apply(ctx: StepContext) -> None:
    io_impls = ctx.impls(IO_VIEW)
    http_impls = ctx.impls(WASI_HTTP_VIEW)
    used_io: set[int] = set()
    foreign = _foreign_views(ctx, io_impls)
    needs = _io_view_needs(ctx)
    bounds = _io_view_bounds(ctx) + foreign + needs
    if bounds:
        # the crate's own API is built on IoView (`trait MyView: IoView`, `T: IoView`): it survives in
        # wasmtime-wasi-io, so keep it (and its impls) there instead of removing it
        for old in IO_VIEW_PATHS_AT_35:
            ctx.override_move(old, IO_VIEW_AT_36)
        ctx.require_crate("wasmtime-wasi-io")
        for unit, node in foreign:
            ctx.report(unit, node, f"`{text(node)}` comes from another crate and may extend `IoView`, so the "
                       "`impl IoView` blocks were kept, now as `wasmtime_wasi_io::IoView` (wasmtime-wasi-io added "
                       "to Cargo.toml); if that trait no longer needs it, fold `table` into `WasiView::ctx`", "review")
        for unit, node in needs:
            ctx.report(unit, node, f"`{text(node)}` still needs `T: IoView` at 36 (wasmtime-wasi-io keeps the "
                       "trait), so the `impl IoView` blocks were kept, now as `wasmtime_wasi_io::IoView` "
                       "(wasmtime-wasi-io added to Cargo.toml if missing)", "info")
        for unit, node in [b for b in bounds if b not in foreign and b not in needs]:
            ctx.report(unit, node, "`IoView` is no longer part of wasmtime-wasi: this bound now names "
                       "`wasmtime_wasi_io::IoView` (wasmtime-wasi-io added to Cargo.toml) and the `impl IoView` "
                       "blocks were kept; wasmtime-wasi itself only needs `WasiView` now, so consider bounding "
                       "on that instead", "review")
    for view in ctx.impls(WASI_VIEW):
        methods = view.methods()
        ctx_fn = methods.get("ctx")
        if ctx_fn is None:
            continue
        ret = ctx_fn.child_by_field_name("return_type")
        if ret is not None and "WasiCtxView" in text(ret):
            continue  # already in 36 shape
        table_fn = methods.get("table")
        io = None
        if table_fn is None:
            io = _matching(io_impls, view)
            table_fn = io.methods().get("table") if io is not None else None
        if table_fn is None:
            ctx.report(view.unit, view.node, "no `fn table` found for this type (no IoView impl in this crate); "
                       "write `fn ctx(&mut self) -> WasiCtxView<'_>` returning both the WasiCtx and the "
                       "ResourceTable by hand")
            continue
        c_expr = single_expression(ctx_fn)
        t_expr = single_expression(table_fn)
        if c_expr is None or t_expr is None:
            bad = ctx_fn if c_expr is None else table_fn
            ctx.report(view.unit, bad, "body is more than one expression; merge `ctx` and `table` into "
                       "`fn ctx(&mut self) -> WasiCtxView<'_> { WasiCtxView { ctx: ..., table: ... } }` by hand")
            continue
        _rewrite_ctx(ctx, view, ctx_fn, text(c_expr), text(t_expr))
        plain = is_self_field_borrow(c_expr) and is_self_field_borrow(t_expr)
        if not plain:
            severity = "review" if self_rooted(c_expr) and self_rooted(t_expr) else "manual"
            ctx.report(view.unit, ctx_fn, "WasiCtxView now borrows the ctx and the table at the same time; "
                       "check that these two expressions borrow disjoint fields (the compiler will say)", severity)
        if io is None:
            ctx.delete_item(view.unit, table_fn)
        else:
            used_io.add(id(io))
            http = _matching(http_impls, view)
            if http is not None and "table" not in http.methods():
                # E36.4: WasiHttpView no longer extends IoView and needs its own `table` again
                _add_method(ctx, http, table_fn, io.unit)  # type: ignore[arg-type]
    into_http = False
    for io in io_impls:
        if bounds:
            continue  # still implemented: the crate's own bounds need it
        if id(io) not in used_io and _fold_into_http(ctx, io, http_impls, ctx.impls(WASI_VIEW)):
            used_io.add(id(io))
            into_http = True
            continue
        if id(io) in used_io:
            ctx.delete_item(io.unit, io.node)
        else:
            ctx.report(io.unit, io.node, "`IoView` is no longer used by wasmtime-wasi: fold this `table` into "
                       "`WasiView::ctx` (returning `WasiCtxView`) or `WasiHttpView::table`, then delete the impl")
    if not bounds and io_impls and len(used_io) == len(io_impls) and not into_http:
        # (a type whose table went back into WasiHttpView keeps `.table()`: no rewrite then)
        _table_calls(ctx, {io.node.id for io in io_impls})


def _fold_into_http(ctx: StepContext, io: ImplBlock, http_impls: list[ImplBlock], views: list[ImplBlock]) -> bool:
    """E36.4: a type with `impl IoView` and `impl WasiHttpView` but no WasiView: `table` moves into the
    WasiHttpView impl (which no longer extends IoView) and the IoView impl goes."""
    if _matching(views, io) is not None:
        return False
    http = _matching(http_impls, io)
    table_fn = io.methods().get("table")
    if http is None or table_fn is None or "table" in http.methods() or set(io.methods()) != {"table"}:
        return False
    # first in the impl, where the deleted IoView impl stood just above it
    unit: RustUnit = http.unit  # type: ignore[assignment]
    ind = unit.src.indent_at(http.node.start_byte) + "    "
    open_brace = http.body.children[0]
    ctx.insert(unit, open_brace.end_byte, f"\n{ind}{text(table_fn)}\n")
    ctx.delete_item(io.unit, io.node)
    return True


# files naming these keep their `.table()` calls for wasmtime-36-wasi-impl-host / a person
OTHER_TABLE_OWNERS = (b"WasiImpl", b"IoImpl", b"WasiHttpView")


def _table_calls(ctx: StepContext, folded: set[int]) -> None:
    """Every IoView impl of the crate was folded into `WasiView::ctx`: a `.table()` call in a file that
    imported `IoView` was that trait's method, and is spelled `.ctx().table` at 36 (WasiView in scope)."""
    if defined_methods([u.src.root for u in ctx.units], "table", folded):
        return  # some other `fn table` might be the one called: leave the calls to the compiler
    for unit in ctx.units:
        data = unit.src.data
        if b".table()" not in data and b"table()" not in data:
            continue
        leaves = [n for n in walk_types(unit.src.root, ("use_declaration",)) if n.type == "use_declaration"]
        if not any(_imports(ctx, unit, d, IO_VIEW) for d in leaves):
            continue
        calls = [c for c in method_calls(unit.src.root, {"table"}) if not c.args]
        in_macros = _table_tokens(unit)
        if not calls and not in_macros:
            continue
        if any(k in data for k in OTHER_TABLE_OWNERS):
            for ident, _m in in_macros:
                ctx.report(unit, ident.start_byte, "`IoView` is gone: if this receiver implements `WasiView`, write "
                           "`.ctx().table`; a `WasiHttpView` has its own `table()` again", "review")
            for c in calls:
                ctx.report(unit, c.call, "`IoView` is gone: if this receiver implements `WasiView`, write "
                           "`.ctx().table`; a `WasiHttpView` has its own `table()` again", "review")
            continue
        if not any(_imports(ctx, unit, d, WASI_VIEW) for d in leaves):
            ctx.import_name(unit, "wasmtime_wasi::WasiView", calls[0].call if calls else in_macros[0][1])
        for ident, _m in in_macros:
            ctx.replace(unit, (ident.start_byte, ident.end_byte), "ctx().table")
        for c in calls:
            fn = c.call.child_by_field_name("function")
            if fn is None:
                continue
            dot = fn.child_by_field_name("field")
            if dot is None:
                continue
            # a chain broken before `.table()` stays broken the way rustfmt writes it
            data = unit.src.data
            ls = unit.src.line_start(dot.start_byte)
            broken = data[ls:dot.start_byte].strip() == b"."
            sep = "\n" + unit.src.indent_at(dot.start_byte) + "." if broken else "."
            ctx.replace(unit, (dot.start_byte, c.call.end_byte), f"ctx(){sep}table")


# std/anyhow macros whose arguments are plain Rust expressions (their bodies are token trees to tree-sitter)
EXPR_MACROS = frozenset({"format", "write", "writeln", "print", "println", "eprint", "eprintln", "panic", "assert",
                         "assert_eq", "assert_ne", "debug_assert", "debug_assert_eq", "debug_assert_ne", "vec",
                         "dbg", "matches", "anyhow", "bail", "ensure", "format_err"})


class _Span:
    """`table()` inside a macro's token tree, as one replaceable range (ident start .. `()` end)."""

    def __init__(self, start: int, end: int) -> None:
        self.start_byte, self.end_byte = start, end


def _table_tokens(unit: RustUnit) -> list[tuple[_Span, Node]]:
    out = []
    for m in walk_types(unit.src.root, ("macro_invocation",)):
        if m.type != "macro_invocation" or macro_name(m) not in EXPR_MACROS:
            continue
        for tt in walk(m):
            if tt.type != "token_tree":
                continue
            kids = tt.children
            for i in range(1, len(kids) - 1):
                if (kids[i].type == "identifier" and text(kids[i]) == "table" and kids[i - 1].type == "."
                        and kids[i + 1].type == "token_tree" and text(kids[i + 1]).replace(" ", "") == "()"):
                    out.append((_Span(kids[i].start_byte, kids[i + 1].end_byte), m))
    return out


def _imports(ctx: StepContext, unit: RustUnit, decl: Node, items: set) -> bool:
    """``decl`` (a `use`) imports one of ``items`` (its leading segment resolved through the file's names)."""
    for leaf in flatten_use(decl):
        full = unit.names.resolve(leaf.path, decl, items) if leaf.path else leaf.path
        if leaf.path in items or full in items:
            return True
    return False


IO_VIEW_PATHS_AT_35 = ("wasmtime_wasi::p2::IoView", "wasmtime_wasi::IoView")
IO_VIEW_AT_36 = "wasmtime_wasi_io::IoView"
TYPE_PATHS = ("type_identifier", "scoped_type_identifier")


def _io_view_bounds(ctx: StepContext) -> list[tuple[RustUnit, Node]]:
    """Places where the crate itself names IoView other than as the trait of an impl or in a `use`:
    supertraits, generic bounds, where clauses, `dyn IoView`."""
    out = []
    for unit in ctx.units:
        if b"IoView" not in unit.src.data:
            continue
        for n in walk_types(unit.src.root, TYPE_PATHS):
            if n.type not in TYPE_PATHS or not text(n).endswith("IoView"):
                continue
            if n.parent is not None and n.parent.type in TYPE_PATHS:
                continue  # inner part of a longer path
            if any(a.type == "use_declaration" for a in ancestors(n)):
                continue
            impl = n.parent
            if impl is not None and impl.type == "impl_item" and impl.child_by_field_name("trait") == n:
                continue
            if ctx.resolves_to(unit, n, IO_VIEW) is not None:
                out.append((unit, n))
    return out


# wasmtime-wasi-io functions that still bound the store data on `T: IoView` at 36
IO_VIEW_FNS = paths("wasmtime_wasi_io::add_to_linker_async")


def _io_view_needs(ctx: StepContext) -> list[tuple[RustUnit, Node]]:
    """Calls (or paths passed as values) of wasmtime-wasi-io functions whose `T: IoView` bound survives
    at 36: deleting the crate's `impl IoView` blocks would break them."""
    out = []
    for unit in ctx.crate_files or ctx.units:  # the call is often in a file that names no view trait
        data = unit.src.data
        if b"add_to_linker_async" not in data:
            continue
        found: list[Node] = []
        # the identifiers that end where the bytes spell the name, then the whole path each ends
        for at in re.finditer(rb"add_to_linker_async", data):
            leaf = unit.src.root.descendant_for_byte_range(at.end() - 1, at.end())
            if leaf is None or leaf.type != "identifier" or leaf.end_byte != at.end():
                continue
            n = leaf
            while n.parent is not None and n.parent.type == "scoped_identifier":
                n = n.parent  # inner part of a longer path: the longest one is the path
            if n.end_byte != at.end() or any(a.type == "use_declaration" for a in ancestors(n)):
                continue
            if ctx.resolves_to(unit, n, IO_VIEW_FNS) is not None:
                found.append(n)
        out.extend((unit, n) for n in sorted(found, key=lambda n: (n.start_byte, -n.end_byte)))
    return out


# crates whose traits never extend IoView
NOT_IO_VIEW_ROOTS = ("std", "core", "alloc", "wasmtime", "wasmtime_wasi", "wasmtime_wasi_http", "wasmtime_wasi_io",
                     "wasmtime_wasi_config", "wasmtime_wasi_keyvalue", "wasmtime_wasi_nn", "wasmtime_wasi_tls")


def _foreign_views(ctx: StepContext, io_impls: list[ImplBlock]) -> list[tuple[RustUnit, Node]]:
    """A type with `impl IoView` that also implements another crate's `...View` trait (`WrpcView: IoView`
    in a sibling crate): that trait may extend IoView, which this crate cannot see, so IoView must stay."""
    if not io_impls:
        return []
    types = {io.base_type for io in io_impls}
    out = []
    for unit in ctx.units:
        if b"View for" not in unit.src.data:
            continue
        for n in walk_types(unit.src.root, ("impl_item",)):
            if n.type != "impl_item":
                continue
            tnode, ty = n.child_by_field_name("trait"), n.child_by_field_name("type")
            if tnode is None or ty is None:
                continue
            base = ty.child_by_field_name("type") if ty.type == "generic_type" else ty
            if base is None or text(base).split("::")[-1] not in types:
                continue
            segs = path_of(tnode.child_by_field_name("type") if tnode.type == "generic_type" else tnode)
            if not segs or not segs[-1].endswith("View") or segs[-1] in ("IoView", "WasiView", "WasiHttpView"):
                continue
            full = unit.names.resolve(segs, tnode)
            if len(full) > 1 and full[0] not in NOT_IO_VIEW_ROOTS + ("crate", "self", "super"):
                out.append((unit, tnode))
    return out


def _matching(blocks: list[ImplBlock], view: ImplBlock) -> ImplBlock | None:
    for b in blocks:
        if b.self_type == view.self_type:
            return b
    for b in blocks:
        if b.base_type == view.base_type:
            return b
    return None


def _rewrite_ctx(ctx: StepContext, view: ImplBlock, ctx_fn: Node, c: str, t: str) -> None:
    unit: RustUnit = view.unit  # type: ignore[assignment]
    written = text(view.trait_node)
    if written == "wasmtime_wasi::WasiView":
        name = CTX_VIEW  # the impl spells paths in full: do the same
    else:
        name = ctx.import_name(unit, CTX_VIEW, view.node)
    ind = unit.src.indent_at(ctx_fn.start_byte)
    body_ind = ind + "    "
    one_line = f"{name} {{ ctx: {c}, table: {t} }}"
    if len(body_ind) + len(one_line) > 100 or "\n" in one_line:
        lit = f"{name} {{\n{body_ind}    ctx: {c},\n{body_ind}    table: {t},\n{body_ind}}}"
    else:
        lit = one_line
    params = ctx_fn.child_by_field_name("parameters")
    head = text(params) if params is not None else "(&mut self)"
    vis = "pub " if text(ctx_fn).startswith("pub ") else ""
    new_fn = f"{vis}fn ctx{head} -> {name}<'_> {{\n{body_ind}{lit}\n{ind}}}"
    ctx.replace(unit, ctx_fn, new_fn)


def _add_method(ctx: StepContext, target: ImplBlock, fn: Node, source: RustUnit) -> None:
    """Add a copy of ``fn`` (`table`) to ``target`` (a WasiHttpView impl): right after its `fn ctx`, where the
    trait declares it, else as the last item of the body."""
    unit: RustUnit = target.unit  # type: ignore[assignment]
    ind = unit.src.indent_at(target.node.start_byte) + "    "
    code = text(fn)
    if source is not unit:
        code = _renamed_types(ctx, fn, source, unit, target.node)
    after = target.methods().get("ctx")
    if after is None:
        ctx.append_to_body(unit, target.body, ind + code)
        return
    nxt = after.next_named_sibling
    gap = unit.src.data[after.end_byte:nxt.start_byte] if nxt is not None else b""
    sep = "\n\n" if gap.count(b"\n") > 1 else "\n"  # the blank lines between methods the impl already has
    ctx.insert(unit, after.end_byte, f"{sep}{ind}{code}")


def _renamed_types(ctx: StepContext, fn: Node, source: RustUnit, unit: RustUnit, at: Node) -> str:
    """``fn``'s text for another file: each type it names by a short imported name (`ResourceTable`)
    is imported there too (or written in full when that name means something else there)."""
    out = text(fn)
    base = fn.start_byte
    edits = []
    for n in walk(fn):
        if n.type != "type_identifier" or (n.parent is not None and n.parent.type == "scoped_type_identifier"):
            continue
        full = source.names.resolve((text(n),), n)
        if len(full) < 2 and text(n) == "ResourceTable":
            full = ("wasmtime", "component", "ResourceTable")  # under a glob import
        if len(full) < 2:
            continue
        written = ctx.import_name(unit, "::".join(full), at)
        if written != text(n):
            edits.append((n.start_byte - base, n.end_byte - base, written))
    raw = out.encode()
    for s, e, w in sorted(edits, reverse=True):
        raw = raw[:s] + w.encode() + raw[e:]
    return raw.decode()


STEP = Step(
    id="wasmtime-36-wasi-ctx-view",
    family="wasmtime",
    from_version="35",
    to_version="36",
    safety=Safety.SAFE,
    title="Return WasiCtxView from WasiView::ctx",
    summary="Merge `ctx` and `table` into `fn ctx(&mut self) -> WasiCtxView<'_>`, delete `impl IoView`, and move "
            "`WasiCtx`/`WasiCtxBuilder`/`WasiView` back to the `wasmtime_wasi` root.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/11365",
    prefilter=(b"WasiView", b"IoView"),
    apply=apply,
    moves={
        "wasmtime_wasi::p2::WasiCtx": "wasmtime_wasi::WasiCtx",
        "wasmtime_wasi::p2::WasiCtxBuilder": "wasmtime_wasi::WasiCtxBuilder",
        "wasmtime_wasi::p2::WasiView": "wasmtime_wasi::WasiView",
        "wasmtime_wasi::Network": "wasmtime_wasi::p2::Network",
        "wasmtime_wasi::p2::IoView": None,
        "wasmtime_wasi::p2::WasiImpl": None,
        "wasmtime_wasi::p2::IoImpl": None,
    },
    removed_hints={
        "wasmtime_wasi::p2::IoView": "`IoView` was removed; the table is returned by `WasiView::ctx` inside "
                                     "`WasiCtxView`, so bounds `T: IoView` become `T: WasiView`",
        "wasmtime_wasi::p2::WasiImpl": "`WasiImpl` was removed; implement host traits for `WasiCtxView<'_>`",
        "wasmtime_wasi::p2::IoImpl": "`IoImpl` was removed",
    },
)
