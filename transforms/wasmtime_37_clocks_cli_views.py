"""E37: `WasiClocksView::clocks` returns a `WasiClocksCtxView`, every `T: WasiView` gets it (and the new
`WasiCliView`) from a blanket impl, and the per-interface ctx structs' fields became private.

API ledger, 36->37 (checked in the 37.0.3 sources: `impl<T: WasiView> WasiClocksView for T` in view.rs).
A hand-written `impl WasiClocksView` for a type that also implements `WasiView` now conflicts with the
blanket impl and is deleted; for other types it must return `WasiClocksCtxView { ctx, table }` and is
reported. Struct literals of `WasiCliCtx`, `WasiClocksCtx`, `WasiRandomCtx`, `WasiSocketsCtx` and
`p2::Network` no longer compile (fields are `pub(crate)`) and are reported.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from wasm_codemod.rust.names import flatten_use, path_of
from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext
from wasm_codemod.wordsearch import word_search

from ._wasi import WASI_VIEW, paths

CLOCKS_VIEW = paths("wasmtime_wasi::clocks::WasiClocksView")
PRIVATE = paths("wasmtime_wasi::cli::WasiCliCtx", "wasmtime_wasi::clocks::WasiClocksCtx",
                "wasmtime_wasi::random::WasiRandomCtx", "wasmtime_wasi::sockets::WasiSocketsCtx",
                "wasmtime_wasi::p2::Network")

# a struct literal writes its type's name as a word (`Network {`, or the name a renaming `use`
# gives it, the original then written in the `use`): `IpNetwork` or `NetworkError` alone are no sign
_PRIVATE_NAME_WORD = re.compile(rb"(?:" + b"|".join(sorted({p[-1].encode() for p in PRIVATE})) + rb")\b")


# p2 host traits moved off `WasiCtxView` at 37 onto per-interface views: bindings group -> (method, trait)
GROUP_VIEWS = {
    "clocks": ("clocks", "wasmtime_wasi::clocks::WasiClocksView"),
    "cli": ("cli", "wasmtime_wasi::cli::WasiCliView"),
    "sockets": ("sockets", "wasmtime_wasi::sockets::WasiSocketsView"),
    "filesystem": ("filesystem", "wasmtime_wasi::filesystem::WasiFilesystemView"),
}
BINDINGS = ("wasmtime_wasi::p2::bindings::", "wasmtime_wasi::p2::bindings::sync::")


def _forwarding(ctx: StepContext, unit: RustUnit) -> None:
    """`p2::bindings::clocks::wall_clock::Host::now(&mut self.ctx())` -> `(&mut self.clocks())`: at 37 the
    clocks/cli/sockets/filesystem host traits are implemented for `WasiClocksCtxView` & co., which a
    `WasiView` type hands out through the blanket `WasiClocksView::clocks()` (trait imported)."""
    sites = []
    for n in walk_types(unit.src.root, ("call_expression",)):
        if n.type != "call_expression":
            continue
        f, args = n.child_by_field_name("function"), n.child_by_field_name("arguments")
        if f is None or args is None or f.type != "scoped_identifier" or not args.named_children:
            continue
        segs = path_of(f)
        if segs is None:
            continue
        full = "::".join(unit.names.resolve(segs, f))
        group = next((full[len(b):].split("::", 1)[0] for b in sorted(BINDINGS, key=len, reverse=True)
                      if full.startswith(b)), None)
        if group not in GROUP_VIEWS:
            continue
        first = args.named_children[0]
        call = first.named_children[-1] if first.type == "reference_expression" and first.named_children else None
        if call is None or call.type != "call_expression" or not text(first).startswith("&mut"):
            continue
        cf, cargs = call.child_by_field_name("function"), call.child_by_field_name("arguments")
        if cf is None or cf.type != "field_expression" or cargs is None or cargs.named_children:
            continue
        field = cf.child_by_field_name("field")
        if field is None or text(field) != "ctx":
            continue
        sites.append((n, field, *GROUP_VIEWS[group]))
    if not sites:
        return
    unused = _view_import_left_unused(unit, len(sites))
    traits = sorted({t for *_, t in sites})
    if unused is not None:
        # the `use` of WasiView served these calls only: the view traits (unless imported) take its place
        ind = unit.src.indent_at(unused.start_byte)
        missing = [t for t in traits if unit.names.local_name_for(tuple(t.split("::")), unused) is None]
        if missing:
            ctx.replace(unit, unused, f"\n{ind}".join(f"use {t};" for t in missing))
        else:
            ctx.delete_item(unit, unused)
    for n, field, method, trait in sites:
        if unused is None:
            ctx.import_name(unit, trait, n)
        ctx.replace(unit, field, method)


def _view_import_left_unused(unit: RustUnit, rewritten: int) -> Node | None:
    """The file's own `use ..WasiView;` when every `.ctx()` in it is one of the ``rewritten`` calls and
    nothing else names `WasiView` (counted in the text: a `.ctx()` inside macro tokens needs the trait)."""
    if rewritten < len(re.findall(rb"\.\s*ctx\s*\(", unit.src.data)):
        return None
    for decl in walk_types(unit.src.root, ("use_declaration",)):
        leaves = flatten_use(decl)
        if len(leaves) != 1 or leaves[0].glob or leaves[0].alias not in (None, "_"):
            continue
        if unit.names.resolve(leaves[0].path, decl, WASI_VIEW) not in WASI_VIEW:
            continue
        rest = unit.src.data[:decl.start_byte] + unit.src.data[decl.end_byte:]
        if re.search(rb"\bWasiView\b", rest) is None:
            return decl
    return None


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        if b".ctx()" in unit.src.data and b"bindings" in unit.src.data:
            _forwarding(ctx, unit)
    blocks = ctx.impls(CLOCKS_VIEW)
    views = {b.base_type for b in ctx.impls(WASI_VIEW)} if blocks else set()
    for block in blocks:
        if block.base_type in views:
            ctx.delete_item(block.unit, block.node)
        else:
            ctx.report(block.unit, block.node, "from wasmtime 37 `WasiClocksView::clocks` returns "
                       "`WasiClocksCtxView<'_> { ctx: &mut WasiClocksCtx, table: &mut ResourceTable }`: return both, "
                       "or implement `WasiView` (which provides `WasiClocksView` and `WasiCliView`)")
    for unit in ctx.units:
        if word_search(_PRIVATE_NAME_WORD, unit.src.data) is None:
            continue  # a struct literal names its type
        for n in walk_types(unit.src.root, ("struct_expression",)):
            if n.type != "struct_expression":
                continue
            name = n.child_by_field_name("name")
            if name is not None and ctx.resolves_to(unit, name, PRIVATE) is not None:
                ctx.report(unit, n, "the fields of this WASI context are private from wasmtime 37: build it with "
                           "`WasiCtxBuilder` (or `Default`) instead of a struct literal")


STEP = Step(
    id="wasmtime-37-clocks-cli-views",
    family="wasmtime",
    from_version="36",
    to_version="37",
    safety=Safety.REVIEW,
    title="Drop hand-written WasiClocksView impls covered by the WasiView blanket impl",
    summary="Delete `impl WasiClocksView` for types that implement `WasiView` (37 provides it), report the others "
            "(`clocks` returns `WasiClocksCtxView`) and struct literals of the now-private WASI context structs.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v37.0.0/crates/wasi/src/view.rs",
    prefilter=(b"WasiClocksView", b"bindings", b"WasiCliCtx", b"WasiClocksCtx", b"WasiRandomCtx", b"WasiSocketsCtx",
               b"Network"),
    apply=apply,
)
